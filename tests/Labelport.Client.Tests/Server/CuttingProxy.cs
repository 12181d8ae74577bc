using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Labelport.Client.Tests.Server;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of the server that drops the first <c>cuts</c> connections after
/// <c>cutAfterBytes</c> bytes of response (a dropped connection mid-download); later connections pass untouched.
/// Records the head of every request it forwarded.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly long _cutAfterBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = [];
    private readonly Task _accepting;
    private int _cutsLeft;

    public CuttingProxy(Uri upstream, long cutAfterBytes, int cuts)
    {
        _upstream = upstream;
        _cutAfterBytes = cutAfterBytes;
        _cutsLeft = cuts;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public int Cuts { get; private set; }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token);
                var cut = Interlocked.Decrement(ref _cutsLeft) >= 0;
                var toServer = CopyRequestsAsync(client.GetStream(), upstream.GetStream());
                var toClient = CopyResponseAsync(upstream.GetStream(), client.GetStream(), cut ? _cutAfterBytes : long.MaxValue);
                await Task.WhenAny(toServer, toClient);
                if (toClient.IsCompletedSuccessfully && toClient.Result)
                {
                    Cuts++;
                    client.Client.LingerState = new LingerOption(true, 0); // reset, as a dropped connection looks
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the other side went away
            }
        }
    }

    private async Task CopyRequestsAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            var text = Encoding.ASCII.GetString(buffer, 0, read);
            if (text.StartsWith("GET ", StringComparison.Ordinal) || text.StartsWith("POST ", StringComparison.Ordinal))
            {
                lock (_requests)
                {
                    _requests.Add(text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)]);
                }
            }
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    /// <summary>Copies until the server closes (false) or <paramref name="limit"/> bytes went through (true: cut here).</summary>
    private async Task<bool> CopyResponseAsync(NetworkStream from, NetworkStream to, long limit)
    {
        var buffer = new byte[16 * 1024];
        long sent = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            var allowed = (int)Math.Min(read, limit - sent);
            await to.WriteAsync(buffer.AsMemory(0, allowed), _stop.Token);
            sent += allowed;
            if (sent >= limit)
            {
                await to.FlushAsync(_stop.Token);
                return true;
            }
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
