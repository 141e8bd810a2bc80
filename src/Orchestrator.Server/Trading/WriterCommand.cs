namespace Orchestrator.Server.Trading;

/// <summary>
/// One message to an account's writer. Most commands run inside a batch whose rows commit in one transaction;
/// an exclusive command (account updates) runs alone with its own unit of work.
/// </summary>
internal abstract class WriterCommand
{
    public virtual bool Exclusive => false;

    /// <summary>Applies the command to the account's state and adds its rows to the batch; never commits.</summary>
    public abstract Task ExecuteAsync(AccountWriter writer, WriterBatch batch, CancellationToken ct);

    /// <summary>Reports the outcome to whoever waits, after the batch has committed.</summary>
    public abstract void Complete();

    /// <summary>The batch could not be committed: nothing of it happened.</summary>
    public abstract void Fail(Exception error);

    /// <summary>Whether the command must be tried again after a failed batch (broker events: they did happen).</summary>
    public virtual bool RetryOnFailure => false;

    /// <summary>How many batches holding this command have failed.</summary>
    public int Failures { get; set; }
}

/// <summary>A command whose caller awaits a result.</summary>
internal abstract class WriterCommand<T> : WriterCommand
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private bool _hasResult;

    public Task<T> Task => _done.Task;

    protected void SetResult(T result)
    {
        _result = result;
        _hasResult = true;
    }

    public override void Complete()
    {
        if (_hasResult)
        {
            _done.TrySetResult(_result!);
        }
        else
        {
            _done.TrySetException(new InvalidOperationException("The account writer finished a command without a result."));
        }
    }

    public override void Fail(Exception error) => _done.TrySetException(new AccountWriterUnavailableException(error));
}

/// <summary>A batch could not be committed (the database is unreachable, for example); the request changed nothing.</summary>
public sealed class AccountWriterUnavailableException(Exception inner)
    : Exception("The account's changes could not be stored; nothing was changed. Try again.", inner);
