package com.nija.local.auth;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code token --user ID}: signs the trader up on the running platform first ({@code POST /local/sign-up}, the local
 * stand-in for Cognito's confirmed sign-up: profile, $10,000 paper account, trial, terms accepted), then prints a
 * token for them. Signing up is idempotent, so a second token for the same trader changes nothing. Without a running
 * platform the token is still printed, with a warning that the trader was not signed up.
 */
public final class TokenCommand {
    public static final String DEFAULT_PLATFORM = "http://127.0.0.1:3000";

    private TokenCommand() {}

    /** What the command was asked for. */
    public record Request(String user, List<String> groups, Duration ttl, boolean secondFactor, URI platform) {}

    public static int run(Request request, Path home, PrintStream out, PrintStream err) {
        signUp(request.user(), request.platform(), err);
        out.println(new TokenIssuer(LocalSigningKey.loadOrCreate(home))
                .issue(request.user(), request.groups(), request.ttl(), request.secondFactor()));
        return 0;
    }

    private static void signUp(String user, URI platform, PrintStream err) {
        String body = "{\"traderId\":" + com.nija.shared.json.Json.MAPPER.valueToTree(user) + ",\"acceptTerms\":true}";
        HttpRequest post = HttpRequest.newBuilder(platform.resolve("/local/sign-up"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(post, HttpResponse.BodyHandlers.ofString());
            switch (answer.statusCode()) {
                case 201 -> err.println("signed up " + user + " on " + platform + ": " + answer.body());
                case 200 -> err.println(user + " was already signed up on " + platform);
                default -> err.println("sign-up of " + user + " refused (" + answer.statusCode() + "): "
                        + answer.body());
            }
        } catch (ConnectException notRunning) {
            err.println("no platform at " + platform + ": " + user + " is not signed up (start it with up, or pass "
                    + "--platform URL, and run token again)");
        } catch (IOException e) {
            err.println("sign-up of " + user + " on " + platform + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
