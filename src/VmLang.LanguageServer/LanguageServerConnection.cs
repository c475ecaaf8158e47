using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VmLang.LanguageServer.Protocol;

namespace VmLang.LanguageServer;

/// <summary>
/// A JSON-RPC 2.0 connection speaking the LSP base protocol: dispatches client requests and
/// notifications to typed handlers, enforces the initialize/shutdown/exit lifecycle, supports
/// <c>$/cancelRequest</c>, and sends notifications and requests to the client.
/// </summary>
/// <remarks>
/// <para><b>Ordering and concurrency</b> (the one place these guarantees are stated; the tests in
/// <c>LanguageServerConnectionTests</c> and <c>ResponsivenessTests</c> hold them):</para>
/// <list type="number">
/// <item>Messages are read and dispatched one at a time, in arrival order, by one dispatch loop.</item>
/// <item>A notification's handler runs on the loop up to its first <c>await</c> before the next message is
/// read, so notifications are applied in the order they were sent (<c>didChange</c> 3 before 4).</item>
/// <item>A request registered with a snapshot (<see cref="OnRequest{TParams, TSnapshot, TResult}"/>) takes
/// that snapshot on the loop when it arrives, so it sees every notification sent before it and none sent
/// after; its work then runs on that thread while reading goes on in a new loop on the thread pool
/// (<see cref="TryRunAfterDispatch"/>), so a slow request never holds up the messages behind it.
/// Every feature request of the server is registered this way.</item>
/// <item>Responses may therefore come out of order; each carries its request's id.</item>
/// <item><c>$/cancelRequest</c> is handled on the loop as soon as it is read: the request's token is cancelled
/// and the client is answered RequestCancelled (-32800) at once, even if the work takes a while to notice.</item>
/// <item>A notification whose params cannot be read is not applied, and the client is told with
/// <c>window/showMessage</c>: the editor and the server may now disagree about a document.</item>
/// </list>
/// </remarks>
internal sealed class LanguageServerConnection
{
    private delegate Task<byte[]> RequestHandler(RequestId id, JsonElement? parameters, CancellationToken cancellationToken);

    private delegate Task NotificationHandler(JsonElement? parameters);

    private enum LifecycleState
    {
        WaitingForInitialize,
        Running,
        ShutDown,
    }

    private enum ExitRequested
    {
        No,
        Yes,
    }

    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly TextWriter _log;
    private readonly Dictionary<string, RequestHandler> _requestHandlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotificationHandler> _notificationHandlers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _threadPoolMethods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RequestId, CancellationTokenSource> _requestsInFlight = new();
    private readonly ConcurrentDictionary<RequestId, TaskCompletionSource<JsonElement?>> _awaitedClientResponses = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _readingEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastServerRequestId;
    // The thread dispatching a message right now (0 between messages), and the work a handler handed it.
    private int _dispatchingThread;
    private Action? _afterDispatch;
    private LifecycleState _state;
    private bool _started;

    /// <param name="input">Messages from the client (stdin).</param>
    /// <param name="output">Messages to the client (stdout).</param>
    /// <param name="log">Diagnostics about the protocol itself (stderr); never the client's output.</param>
    public LanguageServerConnection(Stream input, Stream output, TextWriter log)
    {
        _log = TextWriter.Synchronized(log);
        _reader = new MessageReader(input, _log);
        _writer = new MessageWriter(output);
    }

    /// <summary>Handles requests for <paramref name="method"/>; parameter and result types must be in <see cref="LspJsonContext"/>.</summary>
    /// <remarks>
    /// The handler runs on the dispatch loop up to its first <c>await</c>: use this for requests that must
    /// finish before later messages are read (<c>initialize</c>) or that only await; feature requests take the
    /// snapshot overload. Throw <see cref="ResponseErrorException"/> to answer with a specific error; any other
    /// exception answers InternalError. Observe the token: after <c>$/cancelRequest</c> the answer is RequestCancelled.
    /// </remarks>
    public void OnRequest<TParams, TResult>(string method, Func<TParams, CancellationToken, Task<TResult>> handler)
    {
        JsonTypeInfo<TParams> paramsType = LspJsonContext.TypeInfo<TParams>();
        JsonTypeInfo<TResult> resultType = LspJsonContext.TypeInfo<TResult>();
        Register(_requestHandlers, method, async (id, parameters, cancellationToken) =>
        {
            TResult result = await handler(ReadParams(parameters, paramsType), cancellationToken).ConfigureAwait(false);
            return OutgoingMessage.Result(id, result, resultType);
        });
    }

    /// <summary>
    /// Handles requests for <paramref name="method"/> in two steps: <paramref name="snapshot"/> runs on the
    /// dispatch loop as the request arrives and must be cheap (take the state to work on); <paramref name="compute"/>
    /// runs off the loop (on the thread that read the request, the loop moving on) and should observe its token. Errors are answered as for the other overload.
    /// </summary>
    public void OnRequest<TParams, TSnapshot, TResult>(string method, Func<TParams, TSnapshot> snapshot, Func<TParams, TSnapshot, CancellationToken, TResult> compute)
    {
        JsonTypeInfo<TParams> paramsType = LspJsonContext.TypeInfo<TParams>();
        JsonTypeInfo<TResult> resultType = LspJsonContext.TypeInfo<TResult>();
        Register(_requestHandlers, method, (id, parameters, cancellationToken) =>
        {
            TParams request = ReadParams(parameters, paramsType);
            TSnapshot state = snapshot(request);
            // Computed on the thread that read the request, which is running already, while reading moves on.
            var answer = new TaskCompletionSource<byte[]>();
            void Compute()
            {
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    answer.SetResult(OutgoingMessage.Result(id, compute(request, state, cancellationToken), resultType));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    answer.SetCanceled(cancellationToken);
                }
                catch (Exception e)
                {
                    answer.SetException(e);
                }
            }

            if (!TryRunAfterDispatch(Compute))
            {
                _ = Task.Run(Compute, CancellationToken.None);
            }

            return answer.Task;
        });
        _threadPoolMethods.Add(method);
    }

    /// <summary>Whether requests for <paramref name="method"/> do their work off the dispatch loop (see the ordering rules above).</summary>
    internal bool RunsOnThreadPool(string method) => _threadPoolMethods.Contains(method);

    /// <summary>Handles notifications for <paramref name="method"/>; failures are logged, never answered.</summary>
    public void OnNotification<TParams>(string method, Func<TParams, Task> handler)
    {
        JsonTypeInfo<TParams> paramsType = LspJsonContext.TypeInfo<TParams>();
        Register(_notificationHandlers, method, parameters => handler(ReadParams(parameters, paramsType)));
    }

    public Task SendNotificationAsync<TParams>(string method, TParams parameters) =>
        _writer.WriteAsync(OutgoingMessage.Notification(method, parameters, LspJsonContext.TypeInfo<TParams>()));

    /// <summary>Sends a request to the client and returns its result.</summary>
    /// <exception cref="ResponseErrorException">The client answered with an error.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the client is told with <c>$/cancelRequest</c>), or the connection ended first.</exception>
    public async Task<TResult> SendRequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken = default)
    {
        JsonTypeInfo<TResult> resultType = LspJsonContext.TypeInfo<TResult>();
        JsonElement? result = await SendRequestCoreAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        return result is JsonElement element ? element.Deserialize(resultType)! : default!;
    }

    /// <summary>Sends a request whose result is void (e.g. <c>client/registerCapability</c>) and waits for the answer.</summary>
    public Task SendRequestAsync<TParams>(string method, TParams parameters, CancellationToken cancellationToken = default) =>
        SendRequestCoreAsync(method, parameters, cancellationToken);

    /// <summary>
    /// Reads and dispatches messages until <c>exit</c> or the end of the input.
    /// Returns the process exit code LSP prescribes: 0 if <c>shutdown</c> came first, else 1.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The connection is already running.");
        }

        _started = true;
        using CancellationTokenRegistration stopOnCancel = cancellationToken.Register(_lifetime.Cancel);
        try
        {
            _ = ReadLoopAsync();
            await _readingEnded.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Stopped by the caller.
        }
        finally
        {
            // Handlers still running get a cancelled token; requests waiting for the client are abandoned.
            await _lifetime.CancelAsync().ConfigureAwait(false);
            foreach (TaskCompletionSource<JsonElement?> response in _awaitedClientResponses.Values)
            {
                response.TrySetCanceled(_lifetime.Token);
            }
        }

        return _state == LifecycleState.ShutDown ? 0 : 1;
    }

    /// <summary>
    /// Reads and dispatches until the input ends, <c>exit</c>, or a handler hands work to this thread
    /// (<see cref="TryRunAfterDispatch"/>): then reading goes on in a new loop on the thread pool, and
    /// this thread, which is running already, does the work.
    /// </summary>
    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _reader.ReadAsync(_lifetime.Token).ConfigureAwait(false) is byte[] body)
            {
                _dispatchingThread = Environment.CurrentManagedThreadId;
                ExitRequested exit = Dispatch(body);
                _dispatchingThread = 0;
                if (exit == ExitRequested.Yes)
                {
                    break;
                }

                if (_afterDispatch is Action work)
                {
                    _afterDispatch = null;
                    _ = Task.Run(ReadLoopAsync);
                    work();
                    return;
                }
            }

            _readingEnded.TrySetResult();
        }
        catch (Exception e)
        {
            _readingEnded.TrySetException(e);
        }
    }

    /// <summary>
    /// Called by a handler while the loop dispatches its message: runs <paramref name="work"/> on the loop's
    /// thread as soon as the handler returns, and reading goes on on another thread. The thread that read an
    /// edit is running; a pool thread woken for the edit's compile after a pause between keystrokes took
    /// milliseconds to start on a busy machine, while the next message rarely follows that closely.
    /// False when not called from the loop, or when work was handed over already: then run it elsewhere.
    /// </summary>
    internal bool TryRunAfterDispatch(Action work)
    {
        if (_dispatchingThread != Environment.CurrentManagedThreadId || _afterDispatch is not null)
        {
            return false;
        }

        _afterDispatch = work;
        return true;
    }

    private ExitRequested Dispatch(byte[] body)
    {
        LatencyTrace.Read();
        if (Decode(body) is not IncomingMessage message)
        {
            return ExitRequested.No;
        }

        switch (message)
        {
            case { Method: string method, Id: RequestId id }:
                StartRequest(id, method, message.Params);
                break;
            case { Method: string method }:
                return DispatchNotification(method, message.Params);
            case { Id: RequestId id }:
                CompleteClientResponse(id, message);
                break;
            default:
                Send(OutgoingMessage.Error(null, JsonRpcErrorCodes.InvalidRequest, "A message needs a method or an id."));
                break;
        }

        return ExitRequested.No;
    }

    private IncomingMessage? Decode(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, LspJsonContext.Default.IncomingMessage)
                ?? throw new JsonException("The message is null.");
        }
        catch (JsonException e)
        {
            // Tell "not JSON at all" (ParseError, id unknowable) from "JSON, but not a valid message"
            // (InvalidRequest, echoing the id if one can be read).
            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                _log.WriteLine($"[lsp] invalid message: {e.Message}");
                Send(OutgoingMessage.Error(TryReadId(document.RootElement), JsonRpcErrorCodes.InvalidRequest, $"Invalid message: {e.Message}"));
            }
            catch (JsonException parseError)
            {
                _log.WriteLine($"[lsp] message is not JSON: {parseError.Message}");
                Send(OutgoingMessage.Error(null, JsonRpcErrorCodes.ParseError, $"Parse error: {parseError.Message}"));
            }

            return null;
        }
    }

    private static RequestId? TryReadId(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("id", out JsonElement id))
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.String => new RequestId(id.GetString()!),
            JsonValueKind.Number when id.TryGetInt64(out long number) => new RequestId(number),
            _ => null,
        };
    }

    private void StartRequest(RequestId id, string method, JsonElement? parameters)
    {
        if (RejectByLifecycle(method) is (int code, string reason))
        {
            Send(OutgoingMessage.Error(id, code, reason));
            return;
        }

        if (method == LspMethods.Shutdown)
        {
            _state = LifecycleState.ShutDown;
            Send(OutgoingMessage.NullResult(id));
            return;
        }

        if (!_requestHandlers.TryGetValue(method, out RequestHandler? handler))
        {
            Send(OutgoingMessage.Error(id, JsonRpcErrorCodes.MethodNotFound, $"Unhandled method {method}."));
            return;
        }

        if (method == LspMethods.Initialize)
        {
            _state = LifecycleState.Running;
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        if (!_requestsInFlight.TryAdd(id, cancellation))
        {
            cancellation.Dispose();
            Send(OutgoingMessage.Error(id, JsonRpcErrorCodes.InvalidRequest, $"Request id {id} is already in use."));
            return;
        }

        _ = RunRequestAsync(id, method, handler, parameters, cancellation);
    }

    private (int Code, string Reason)? RejectByLifecycle(string method) => _state switch
    {
        LifecycleState.WaitingForInitialize when method != LspMethods.Initialize =>
            (JsonRpcErrorCodes.ServerNotInitialized, $"{method} was sent before initialize."),
        LifecycleState.Running when method == LspMethods.Initialize =>
            (JsonRpcErrorCodes.InvalidRequest, "initialize may only be sent once."),
        LifecycleState.ShutDown =>
            (JsonRpcErrorCodes.InvalidRequest, $"{method} was sent after shutdown."),
        _ => null,
    };

    private async Task RunRequestAsync(RequestId id, string method, RequestHandler handler, JsonElement? parameters, CancellationTokenSource cancellation)
    {
        CancellationToken cancellationToken = cancellation.Token;
        Task<byte[]> work;
        try
        {
            work = handler(id, parameters, cancellationToken);
        }
        catch (Exception e)
        {
            work = Task.FromException<byte[]>(e);
        }

        // The work may outlive the answer (a cancelled request is answered at once), so its token's source
        // is disposed when the work ends, not when the answer is sent.
        _ = work.ContinueWith(
            static (finished, source) =>
            {
                _ = finished.Exception;
                ((CancellationTokenSource)source!).Dispose();
            },
            cancellation,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        byte[] response;
        try
        {
            response = await work.WaitAsync(cancellationToken).ConfigureAwait(false);

            // A handler that finished anyway still answers RequestCancelled: the client has
            // stopped waiting, and the result may describe a document that has since changed.
            if (cancellationToken.IsCancellationRequested)
            {
                response = Cancelled(id);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            response = Cancelled(id);
        }
        catch (ResponseErrorException e)
        {
            response = OutgoingMessage.Error(id, e.Code, e.Message);
        }
        catch (Exception e)
        {
            _log.WriteLine($"[lsp] {method} failed: {e}");
            response = OutgoingMessage.Error(id, JsonRpcErrorCodes.InternalError, $"{method} failed: {e.Message}");
        }
        finally
        {
            _requestsInFlight.TryRemove(id, out _);
        }

        await SendAndLogFailureAsync(response).ConfigureAwait(false);
    }

    private static byte[] Cancelled(RequestId id) =>
        OutgoingMessage.Error(id, JsonRpcErrorCodes.RequestCancelled, "The request was cancelled.");

    private ExitRequested DispatchNotification(string method, JsonElement? parameters)
    {
        switch (method)
        {
            case LspMethods.Exit:
                return ExitRequested.Yes;
            case LspMethods.CancelRequest:
                CancelRequest(parameters);
                return ExitRequested.No;
        }

        if (_state != LifecycleState.Running)
        {
            _log.WriteLine($"[lsp] dropped {method}: the server is {(_state == LifecycleState.ShutDown ? "shut down" : "not initialized")}.");
        }
        else if (_notificationHandlers.TryGetValue(method, out NotificationHandler? handler))
        {
            _ = RunNotificationAsync(method, handler, parameters);
        }
        else if (!method.StartsWith("$/", StringComparison.Ordinal))
        {
            // "$/" notifications are optional by definition (LSP); others deserve a trace.
            _log.WriteLine($"[lsp] no handler for notification {method}.");
        }

        return ExitRequested.No;
    }

    private async Task RunNotificationAsync(string method, NotificationHandler handler, JsonElement? parameters)
    {
        try
        {
            await handler(parameters).ConfigureAwait(false);
        }
        catch (ResponseErrorException e) when (e.Code == JsonRpcErrorCodes.InvalidParams)
        {
            string document = TryReadDocumentUri(parameters) is string uri ? $" for {uri}" : "";
            string message = $"VmLang ignored {method}{document}: {e.Message}";
            _log.WriteLine($"[lsp] {message}");
            await SendAndLogFailureAsync(OutgoingMessage.Notification(
                LspMethods.WindowShowMessage,
                new LogMessageParams { Type = MessageType.Error, Message = message },
                LspJsonContext.Default.LogMessageParams)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log.WriteLine($"[lsp] {method} failed: {e}");
        }
    }

    /// <summary><c>params.textDocument.uri</c> if the params have one, so a report can name the document.</summary>
    private static string? TryReadDocumentUri(JsonElement? parameters) =>
        parameters is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("textDocument", out JsonElement document) && document.ValueKind == JsonValueKind.Object
        && document.TryGetProperty("uri", out JsonElement uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()
            : null;

    private void CancelRequest(JsonElement? parameters)
    {
        CancelParams cancel;
        try
        {
            cancel = ReadParams(parameters, LspJsonContext.Default.CancelParams);
        }
        catch (ResponseErrorException e)
        {
            _log.WriteLine($"[lsp] ignored $/cancelRequest: {e.Message}");
            return;
        }

        if (_requestsInFlight.TryGetValue(cancel.Id, out CancellationTokenSource? cancellation))
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The request finished between the lookup and the cancel: nothing left to cancel.
            }
        }
    }

    private async Task<JsonElement?> SendRequestCoreAsync<TParams>(string method, TParams parameters, CancellationToken cancellationToken)
    {
        JsonTypeInfo<TParams> paramsType = LspJsonContext.TypeInfo<TParams>();
        var id = new RequestId(Interlocked.Increment(ref _lastServerRequestId));
        var response = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaitedClientResponses[id] = response;
        try
        {
            _lifetime.Token.ThrowIfCancellationRequested();
            await _writer.WriteAsync(OutgoingMessage.Request(id, method, parameters, paramsType)).ConfigureAwait(false);
            return await response.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Let the client stop working on an answer nobody will read.
            await SendNotificationAsync(LspMethods.CancelRequest, new CancelParams { Id = id }).ConfigureAwait(false);
            throw;
        }
        finally
        {
            _awaitedClientResponses.TryRemove(id, out _);
        }
    }

    private void CompleteClientResponse(RequestId id, IncomingMessage message)
    {
        if (!_awaitedClientResponses.TryRemove(id, out TaskCompletionSource<JsonElement?>? response))
        {
            _log.WriteLine($"[lsp] ignored a response to unknown request {id}.");
        }
        else if (message.Error is ResponseError error)
        {
            response.TrySetException(new ResponseErrorException(error.Code, error.Message));
        }
        else
        {
            response.TrySetResult(message.Result);
        }
    }

    /// <summary>Absent params are read as <c>{}</c>, so parameter types without required members still work.</summary>
    private static T ReadParams<T>(JsonElement? parameters, JsonTypeInfo<T> type)
    {
        try
        {
            T? value = parameters is JsonElement element
                ? element.Deserialize(type)
                : JsonSerializer.Deserialize("{}"u8, type);
            return value ?? throw new JsonException("params must not be null.");
        }
        catch (JsonException e)
        {
            throw new ResponseErrorException(JsonRpcErrorCodes.InvalidParams, $"Invalid params: {e.Message}");
        }
    }

    private void Register<THandler>(Dictionary<string, THandler> handlers, string method, THandler handler)
    {
        if (_started)
        {
            throw new InvalidOperationException("Handlers must be registered before the connection runs.");
        }

        if (method is LspMethods.Shutdown or LspMethods.Exit or LspMethods.CancelRequest)
        {
            throw new ArgumentException($"{method} is handled by the connection itself.", nameof(method));
        }

        if (!handlers.TryAdd(method, handler))
        {
            throw new ArgumentException($"A handler for {method} is already registered.", nameof(method));
        }
    }

    // Fire-and-forget sends from the dispatch loop: the loop must keep reading while a write waits for the lock.
    private void Send(byte[] message) => _ = SendAndLogFailureAsync(message);

    private async Task SendAndLogFailureAsync(byte[] message)
    {
        try
        {
            await _writer.WriteAsync(message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _log.WriteLine($"[lsp] could not write to the client: {e.Message}");
        }
    }
}
