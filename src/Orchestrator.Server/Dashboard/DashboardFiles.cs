using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Orchestrator.Server.Dashboard;

/// <summary>
/// The web dashboard at <c>/</c>: the files of <c>wwwroot/</c>, embedded in this assembly (with a manifest, so
/// folders survive), served with a strict Content-Security-Policy. Embedded rather than copied: a fresh clone's
/// <c>serve</c>, a published folder and the tests' output all serve exactly the files this assembly was built with,
/// and no content root has to be found at run time.
/// </summary>
public static class DashboardFiles
{
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var files = new ManifestEmbeddedFileProvider(typeof(DashboardFiles).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Only the types the dashboard ships: anything else in wwwroot/ is not served (404) rather than guessed.
            ContentTypeProvider = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [".html"] = "text/html; charset=utf-8",
                [".js"] = "text/javascript; charset=utf-8",
                [".css"] = "text/css; charset=utf-8",
                [".svg"] = "image/svg+xml",
            }),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = DashboardSecurityPolicy.For(context.Context.Request);
                // Revalidate every time (the ETag makes that a 304): a new build's files are never mixed with a cached old one.
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }
}
