package com.nija.functions.live;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nija.functions.support.FuzzBackends;
import com.nija.functions.support.ServerFaults;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the WebSocket frames a client sends, through the {@code subscribe} and {@code $default} routes: any frame
 * gets a reply (an {@code error} for a bad one), never a 5xx.
 */
class WsFramesFuzzTest {
    private static WsSubscribeHandler subscribe;
    private static WsDefaultHandler defaultRoute;

    private static synchronized void handlers() {
        if (subscribe == null) {
            FuzzBackends.allowLoopback();
            subscribe = new WsSubscribeHandler(LiveContext.get().context);
            defaultRoute = new WsDefaultHandler(LiveContext.get().context);
        }
    }

    @FuzzTest
    void subscribe(byte[] input) {
        handlers();
        String frame = new String(input, StandardCharsets.UTF_8);

        ServerFaults.assertNone(subscribe.handleRequest(event("subscribe.json", frame), null), frame);
    }

    @FuzzTest
    void defaultRoute(byte[] input) {
        handlers();
        String frame = new String(input, StandardCharsets.UTF_8);

        ServerFaults.assertNone(defaultRoute.handleRequest(event("unknown-action.json", frame), null), frame);
    }

    private static APIGatewayV2WebSocketEvent event(String sample, String frame) {
        return WsEvents.withBody(WsEvents.load(sample, "fuzz-trader", "fuzz-connection"), frame);
    }
}
