using System.Net;
using NpgsqlTypes;

namespace Orchestrator.Server.Security;

/// <summary>CIDR matching for API keys' <c>allowed_ips</c>.</summary>
public static class IpRanges
{
    public static bool Contains(IEnumerable<NpgsqlInet> ranges, IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return ranges.Any(range => range.Address.AddressFamily == ip.AddressFamily && new IPNetwork(Network(range), range.Netmask).Contains(ip));
    }

    /// <summary>Parses "10.0.0.0/8" or a single address ("192.0.2.7" is /32); null when malformed.</summary>
    public static NpgsqlInet? Parse(string text)
    {
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return null;
        }

        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
        {
            return new NpgsqlInet(address, (byte)max);
        }

        return byte.TryParse(text[(slash + 1)..], out var prefix) && prefix <= max ? new NpgsqlInet(address, prefix) : (NpgsqlInet?)null;
    }

    /// <summary>The range's network address (host bits cleared), as IPNetwork requires.</summary>
    private static IPAddress Network(NpgsqlInet range)
    {
        var bytes = range.Address.GetAddressBytes();
        for (var bit = range.Netmask; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
