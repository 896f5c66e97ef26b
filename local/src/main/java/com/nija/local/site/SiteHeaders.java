package com.nija.local.site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every dashboard response carries, the same as CloudFront's response headers policy sets in AWS
 * (cdk-app): a CSP with no inline script or style and no framing, no MIME sniffing, no referrer. The two cache
 * policies: content-hashed assets are immutable for a year; everything else (index.html) is revalidated each time.
 */
final class SiteHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /**
     * The API reference page's CSP (/docs/api/): the site's, with inline styles allowed on that page alone, because
     * Redoc's styled-components write their rules into &lt;style&gt; elements at run time (no nonce hook in its
     * standalone bundle). Scripts stay 'self' only, and the page holds no token or trader data to leak.
     */
    static final String REFERENCE_CSP = CSP.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_CACHE = "no-cache";

    private SiteHeaders() {}

    static Map<String, String> of(String contentType, String cacheControl) {
        return of(contentType, cacheControl, CSP);
    }

    static Map<String, String> of(String contentType, String cacheControl, String csp) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.put("Cache-Control", cacheControl);
        h.put("Content-Security-Policy", csp);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        return h;
    }
}
