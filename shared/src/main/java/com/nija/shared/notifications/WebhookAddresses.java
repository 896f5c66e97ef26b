package com.nija.shared.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where NIJA may send a trader's webhook: a public HTTPS address. The functions run inside the VPC, beside Redis and
 * the instance metadata service, so a URL naming a loopback, private, link-local or shared-address host would turn
 * the webhook into a way into the network; such URLs are refused when set up and again (after resolving the name)
 * before each delivery. Only the local platform and tests, whose stubs listen on 127.0.0.1 over plain HTTP, allow
 * them ({@code nija.notifications.allow-local-webhooks}).
 */
public final class WebhookAddresses {
    private WebhookAddresses() {}

    /** Why {@code url} may not receive webhooks, or empty when it may (names are not resolved here). */
    public static Optional<String> refusal(URI url, boolean allowLocal) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) return Optional.of("must use https://");
        if (url.getHost() == null || url.getHost().isBlank()) return Optional.of("must name a host");
        if (url.getRawUserInfo() != null) return Optional.of("must not carry a user name or password");
        if (url.getRawFragment() != null) return Optional.of("must not have a #fragment");
        if (allowLocal) return Optional.empty();
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal")) {
            return Optional.of("must name a public host");
        }
        if (isLiteral(host)) {
            try {
                if (!isPublic(InetAddress.getByName(host.replace("[", "").replace("]", "")))) {
                    return Optional.of("must name a public host");
                }
            } catch (UnknownHostException notAnAddress) {
                return Optional.of("must name a host");
            }
        }
        return Optional.empty();
    }

    /** Resolves {@code url}'s host and refuses it when any of its addresses is not public. */
    public static Optional<String> resolvedRefusal(URI url, boolean allowLocal) {
        Optional<String> refused = refusal(url, allowLocal);
        if (refused.isPresent() || allowLocal) return refused;
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (!isPublic(address)) return Optional.of("its host resolves to an address that is not public");
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("its host name does not resolve");
        }
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15, 240.0.0.0/4
            return !(first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0
                    && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19)) || first >= 240);
        }
        // fc00::/7 unique local addresses
        return (b[0] & 0xfe) != 0xfc;
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }
}
