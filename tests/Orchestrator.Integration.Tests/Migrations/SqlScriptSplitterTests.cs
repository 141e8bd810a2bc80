using Orchestrator.Storage.Migrations;

namespace Orchestrator.Integration.Tests.Migrations;

public sealed class SqlScriptSplitterTests
{
    [Fact]
    public void Splits_at_top_level_semicolons_only()
    {
        const string script = """
            -- a comment; with a semicolon
            CREATE INDEX a ON t (x);
            INSERT INTO t VALUES ('it''s; here', "odd;name");
            /* block; comment */
            CREATE FUNCTION f() RETURNS void AS $$ BEGIN PERFORM 1; PERFORM 2; END; $$ LANGUAGE plpgsql;
            DO $body$ BEGIN RAISE NOTICE 'x;y'; END $body$;
            SELECT $1;
            """;

        var statements = SqlScriptSplitter.Split(script);

        Assert.Equal(5, statements.Count);
        Assert.Equal("-- a comment; with a semicolon\nCREATE INDEX a ON t (x)", statements[0]);
        Assert.Equal("INSERT INTO t VALUES ('it''s; here', \"odd;name\")", statements[1]);
        Assert.Equal("/* block; comment */\nCREATE FUNCTION f() RETURNS void AS $$ BEGIN PERFORM 1; PERFORM 2; END; $$ LANGUAGE plpgsql", statements[2]);
        Assert.Equal("DO $body$ BEGIN RAISE NOTICE 'x;y'; END $body$", statements[3]);
        Assert.Equal("SELECT $1", statements[4]);
    }

    [Fact]
    public void A_script_of_comments_only_has_no_statements()
    {
        Assert.Empty(SqlScriptSplitter.Split("-- nothing here;\n-- at all\n"));
    }

    [Fact]
    public void Only_files_marked_no_transaction_run_outside_one()
    {
        Assert.False(new Migration("1", "d", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (x);").RunsInTransaction);
        Assert.True(new Migration("2", "d", "CREATE INDEX i ON t (x);").RunsInTransaction);
    }
}
