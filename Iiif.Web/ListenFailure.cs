using System.Net.Sockets;

namespace Iiif.Web;

/// <summary>Recognises Kestrel's failure to bind a configured address (in use, not allowed, not on this host) and says
/// it in one line; anything else is not a listening problem.</summary>
internal static class ListenFailure
{
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var socket = Find<SocketException>(exception);
        var bind = Find<IOException>(exception) is { } io && io.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal) ? io : null;
        if (bind is null && socket is null)
        {
            return null;
        }

        var reason = socket?.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "another process listens there (stop it, or choose another port with --port or server.urls)",
            SocketError.AccessDenied => "not allowed (ports below 1024 need privileges; use a higher port behind nginx)",
            SocketError.AddressNotAvailable => "this host has no such address (check server.urls)",
            _ => null,
        };
        var what = (bind ?? exception).Message.TrimEnd('.');
        return reason is null ? $"cannot listen: {what}" : $"cannot listen: {what}: {reason}";
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
