package com.nija.shared.export;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes the signature of a presigned S3 URL by the steps of the Amazon S3 API Reference, "Authenticating Requests:
 * Using Query Parameters (AWS Signature Version 4)": canonical request (method, path, sorted query without the
 * signature, the {@code host} header, {@code UNSIGNED-PAYLOAD}), string to sign, the date/region/service signing key.
 * An independent check of what the SDK's presigner produced.
 */
final class SigV4QuerySignature {
    private SigV4QuerySignature() {}

    static Map<String, String> query(URI url) {
        Map<String, String> params = new TreeMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The signature the URL should carry, signed with {@code secretKey}. */
    static String expected(URI url, String secretKey) {
        Map<String, String> params = query(url);
        StringBuilder canonicalQuery = new StringBuilder();
        params.forEach((name, value) -> {
            if (name.equals("X-Amz-Signature")) return;
            if (canonicalQuery.length() > 0) canonicalQuery.append('&');
            canonicalQuery.append(encode(name)).append('=').append(encode(value));
        });
        String host = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
        String canonicalRequest = "GET\n" + url.getRawPath() + "\n" + canonicalQuery + "\nhost:" + host + "\n\nhost\n"
                + "UNSIGNED-PAYLOAD";
        String[] scope = params.get("X-Amz-Credential").split("/", 2)[1].split("/"); // date/region/service/aws4_request
        String stringToSign = "AWS4-HMAC-SHA256\n" + params.get("X-Amz-Date") + "\n" + String.join("/", scope) + "\n"
                + hex(sha256(canonicalRequest));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scope[0]);
        key = hmac(key, scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 asks. */
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
