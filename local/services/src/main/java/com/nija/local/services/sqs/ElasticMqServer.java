package com.nija.local.services.sqs;

import com.nija.local.services.LocalServiceException;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.Await;

/**
 * ElasticMQ (the SQS API on an in-memory broker) running inside this JVM on 127.0.0.1.
 *
 * <p>Why ElasticMQ: it speaks both SQS wire protocols, so the real SDK v2 {@code SqsClient} works with
 * {@code endpointOverride(server.endpoint())}, for standard and FIFO queues, visibility timeouts, long polling and
 * redrive to a dead-letter queue. Everything lives in memory and dies with {@link #close()}.
 *
 * <p>Queue URLs and ARNs look like AWS ones: {@code http://127.0.0.1:<port>/000000000000/<name>} and
 * {@code arn:aws:sqs:us-east-1:000000000000:<name>} (ElasticMQ's defaults, {@code localhost:9324} and region
 * {@code elasticmq}, would name a port nothing listens on and a region no SDK knows).
 *
 * <p>Logging: ElasticMQ logs through SLF4J and brings no binding (no logback); its Pekko actor system gets its own
 * config at WARNING level, so Pekko neither builds debug messages (ElasticMQ's bundled {@code application.conf} asks
 * for DEBUG) nor writes to stdout while starting or stopping. What remains are INFO lines from {@code org.elasticmq}
 * (server started, one per created queue) and one from Pekko's {@code Slf4jLogger}, through whatever SLF4J binding
 * the classpath has; set {@code org.elasticmq} and {@code org.apache.pekko} to WARN there to silence them.
 */
public final class ElasticMqServer implements AutoCloseable {

    /** Region in queue ARNs and in the {@code awsRegion} of events built from them. */
    public static final String REGION = "us-east-1";
    /** Account id in queue URLs and ARNs (the one LocalStack uses too). */
    public static final String ACCOUNT_ID = "000000000000";

    private static final Logger LOG = LoggerFactory.getLogger(ElasticMqServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int CONNECT_TIMEOUT_MS = 200;
    /**
     * Layered over ElasticMQ's {@code application.conf}: WARNING instead of DEBUG, nothing on stdout before the SLF4J
     * logger is up, and no dead-letter chatter when long polls are cut off at shutdown.
     */
    private static final String PEKKO_OVERRIDES = """
            pekko.loglevel = "WARNING"
            pekko.stdout-loglevel = "OFF"
            pekko.log-dead-letters = off
            pekko.log-dead-letters-during-shutdown = off
            """;

    private final int port;
    private final ActorSystem actorSystem;
    private final SQSRestServer server;

    private ElasticMqServer(int port, ActorSystem actorSystem, SQSRestServer server) {
        this.port = port;
        this.actorSystem = actorSystem;
        this.server = server;
    }

    /**
     * Starts ElasticMQ on 127.0.0.1:{@code port} and returns once it accepts connections.
     *
     * @throws LocalServiceException when the port is taken or the server does not come up
     */
    public static ElasticMqServer start(int port) {
        long started = System.nanoTime();
        requireUnused(port);
        Config config = ConfigFactory.parseString(PEKKO_OVERRIDES).withFallback(ConfigFactory.load());
        ActorSystem actorSystem = ActorSystem.create("elasticmq-" + port, config);
        SQSRestServer server;
        try {
            server = SQSRestServerBuilder.withActorSystem(actorSystem)
                    .withInterface("127.0.0.1")
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                    .withAWSRegion(REGION)
                    .withAWSAccountId(ACCOUNT_ID)
                    .start();
            server.waitUntilStarted();
        } catch (RuntimeException e) {
            terminate(actorSystem);
            throw new LocalServiceException("Cannot start ElasticMQ on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "). If the port is in use by another process, pick another one (FreePort.find()).", e);
        }
        LOG.info("ElasticMQ ready at http://127.0.0.1:{} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
        return new ElasticMqServer(port, actorSystem, server);
    }

    /** {@code http://127.0.0.1:<port>}, for the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Stops the HTTP server and the actor system; queues and messages are gone afterwards. */
    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            terminate(actorSystem);
        }
    }

    /** Pekko would log two bind-failure stack traces before failing; say it once, clearly, instead. */
    private static void requireUnused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
        } catch (IOException nothingListens) {
            return;
        }
        throw new LocalServiceException("Cannot start ElasticMQ: port " + port + " on 127.0.0.1 is already in use by "
                + "another process. Pick another port (FreePort.find()).");
    }

    private static void terminate(ActorSystem actorSystem) {
        try {
            Await.result(actorSystem.terminate(),
                    scala.concurrent.duration.Duration.create(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Await.result declares Exception; a timeout here leaves only daemon threads behind, so report and go on.
            LOG.warn("ElasticMQ actor system did not terminate within {}: {}", STOP_TIMEOUT, e.toString());
        }
    }
}
