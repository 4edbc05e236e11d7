using System.Net;

namespace Iiif.Web.Admin;

/// <summary>The client addresses allowed to reach admin endpoints: single IPs and CIDR networks from
/// <c>admin.allowedIps</c>. IPv4 addresses seen as IPv4-mapped IPv6 (dual-stack sockets) match their IPv4 entries.</summary>
internal sealed class IpAllowList
{
    private readonly List<IPAddress> _addresses = [];
    private readonly List<IPNetwork> _networks = [];

    public IpAllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // Invalid entries never get here: AdminOptionsValidator stops start-up on them.
        foreach (var entry in entries.Select(e => e.Trim()))
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                _addresses.Add(Normalize(address));
            }
            else if (IPNetwork.TryParse(entry, out var network))
            {
                _networks.Add(network);
            }
        }
    }

    public bool Contains(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var normalized = Normalize(address);
        return _addresses.Contains(normalized) || _networks.Exists(n => n.Contains(normalized));
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
