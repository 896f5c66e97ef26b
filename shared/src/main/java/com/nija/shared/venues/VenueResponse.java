package com.nija.shared.venues;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import java.net.http.HttpHeaders;

/** A venue's HTTP answer: status, headers and the body (JSON read on demand, never throwing on a malformed body). */
public record VenueResponse(int status, HttpHeaders headers, String body) {

    /** The body as JSON; a missing node when it is not JSON (a gateway's HTML error page). */
    public JsonNode json() {
        return Json.readTree(body).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
