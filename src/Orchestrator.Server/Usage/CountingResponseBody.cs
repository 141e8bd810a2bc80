using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Orchestrator.Server.Usage;

/// <summary>
/// Counts the bytes of a response body for its api_usage row. It wraps the server's body feature rather
/// than replacing <c>Response.Body</c> with a stream: a replaced stream would push every JSON write
/// through a stream adapter instead of Kestrel's pipe, a cost paid by every API request.
/// </summary>
internal sealed class CountingResponseBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    private readonly CountingPipeWriter _writer = new(inner.Writer);
    private long _streamBytes;
    private long _fileBytes;
    private Stream? _stream;

    public IHttpResponseBodyFeature Inner => inner;

    public long BytesWritten => _writer.BytesWritten + _streamBytes + _fileBytes;

    public Stream Stream => _stream ??= new CountingStream(inner.Stream, count => _streamBytes += count);

    public PipeWriter Writer => _writer;

    public Task CompleteAsync() => inner.CompleteAsync();

    public void DisableBuffering() => inner.DisableBuffering();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        _fileBytes += count ?? new FileInfo(path).Length - offset;
        return inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    private sealed class CountingPipeWriter(PipeWriter inner) : PipeWriter
    {
        public long BytesWritten { get; private set; }

        public override void Advance(int bytes)
        {
            BytesWritten += bytes;
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }

    /// <summary>Passes writes through to the server's stream, reporting how many bytes each carried.</summary>
    private sealed class CountingStream(Stream inner, Action<int> counted) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            counted(count);
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            counted(buffer.Length);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            counted(count);
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }
    }
}
