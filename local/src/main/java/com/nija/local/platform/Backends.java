package com.nija.local.platform;

import com.nija.local.services.DynaliteServer;
import com.nija.local.services.FreePort;
import com.nija.local.services.RedisServerProcess;
import com.nija.local.services.mail.GreenMailServer;
import com.nija.local.services.sqs.ElasticMqServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB, Redis and SQS for the platform: the ones {@code NIJA_DYNAMODB_ENDPOINT} / {@code NIJA_REDIS_URL} /
 * {@code NIJA_SQS_ENDPOINT} name (real AWS, LocalStack), otherwise dynalite and a real redis-server as child
 * processes and ElasticMQ in this JVM. Notification emails go to GreenMail (SMTP, in this JVM) unless
 * {@code NIJA_SMTP_ENDPOINT} ({@code host:port}) names a mail server to relay through.
 */
public final class Backends implements AutoCloseable {
    public static final String DYNAMODB_ENV = "NIJA_DYNAMODB_ENDPOINT";
    public static final String REDIS_ENV = "NIJA_REDIS_URL";
    public static final String SQS_ENV = "NIJA_SQS_ENDPOINT";
    public static final String SMTP_ENV = "NIJA_SMTP_ENDPOINT";

    private final String dynamodbEndpoint;
    private final String redisUrl;
    private final String sqsEndpoint;
    private final RedisServerProcess redis;
    private final List<AutoCloseable> started = new ArrayList<>();
    private String smtpHost;
    private int smtpPort;
    private GreenMailServer mail;

    private Backends(String dynamodbEndpoint, String redisUrl, String sqsEndpoint, RedisServerProcess redis) {
        this.dynamodbEndpoint = dynamodbEndpoint;
        this.redisUrl = redisUrl;
        this.sqsEndpoint = sqsEndpoint;
        this.redis = redis;
    }

    /** @param dataDir where dynalite keeps its data across restarts; null keeps it in memory */
    public static Backends start(Path dataDir) {
        return start(dataDir, null);
    }

    /**
     * @param dynamodbEndpoint a DynamoDB this platform shares with another (two local "regions" over one replicated
     *                         table); null for {@code NIJA_DYNAMODB_ENDPOINT} or a dynalite of its own
     */
    public static Backends start(Path dataDir, String dynamodbEndpoint) {
        String dynamo = dynamodbEndpoint != null ? dynamodbEndpoint : blankToNull(System.getenv(DYNAMODB_ENV));
        String redisUrl = blankToNull(System.getenv(REDIS_ENV));
        String sqs = blankToNull(System.getenv(SQS_ENV));
        List<AutoCloseable> started = new ArrayList<>();
        try {
            if (dynamo == null) {
                DynaliteServer dynalite = dataDir == null ? DynaliteServer.start(FreePort.find())
                        : DynaliteServer.start(FreePort.find(), dataDir);
                started.add(dynalite);
                dynamo = dynalite.endpoint().toString();
            }
            RedisServerProcess redis = null;
            if (redisUrl == null) {
                redis = new RedisServerProcess(FreePort.find()).start();
                started.add(redis);
                redisUrl = redis.uri().toString();
            }
            if (sqs == null) {
                ElasticMqServer elasticMq = ElasticMqServer.start(FreePort.find());
                started.add(elasticMq);
                sqs = elasticMq.endpoint().toString();
            }
            Backends backends = new Backends(dynamo, redisUrl, sqs, redis);
            String smtp = blankToNull(System.getenv(SMTP_ENV));
            if (smtp == null) {
                GreenMailServer mail = GreenMailServer.start(FreePort.find());
                started.add(mail);
                backends.mail = mail;
                smtp = mail.host() + ":" + mail.port();
            }
            int colon = smtp.lastIndexOf(':');
            backends.smtpHost = smtp.substring(0, colon);
            backends.smtpPort = Integer.parseInt(smtp.substring(colon + 1));
            backends.started.addAll(started);
            return backends;
        } catch (RuntimeException e) {
            started.forEach(Backends::closeQuietly);
            throw e;
        }
    }

    public String dynamodbEndpoint() {
        return dynamodbEndpoint;
    }

    public String redisUrl() {
        return redisUrl;
    }

    public String sqsEndpoint() {
        return sqsEndpoint;
    }

    public String smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The GreenMail this platform started (its received emails), or null when mail is relayed elsewhere. */
    public GreenMailServer mail() {
        return mail;
    }

    /** The redis-server this platform started, or null when an external Redis is used. */
    public RedisServerProcess redis() {
        return redis;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) closeQuietly(started.get(i));
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down: nothing useful to do with a failure here
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
