package com.nija.local.bench;

import com.nija.shared.cache.RedisGateway;
import com.nija.shared.config.NijaConfig;
import com.nija.shared.config.PlatformClock;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueClient;
import com.nija.shared.venues.VenueHttp;
import com.nija.shared.venues.kraken.RedisNonceSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Runs in a fresh JVM, started by {@code bench broker}: builds the venue clients the way the executor's context does,
 * for the first time in the JVM (class loading included), and prints how long each part took for the parent.
 *
 * <p>With {@code after-aws}, it first builds what the executor's context already holds whatever the venues: the AWS
 * SDK's HTTP client of its DynamoDB and SQS clients (the same builder settings as {@code AwsClientsFactory}), which
 * sets up TLS, so what is timed after it is what the venue adapters add. With {@code bare}, nothing comes before.
 */
public final class BrokerInitProbe {
    static final String LINE = "BROKER-INIT";
    static final String AFTER_AWS = "after-aws";

    private BrokerInitProbe() {}

    public static void main(String[] args) {
        boolean afterAws = args.length > 0 && args[0].equals(AFTER_AWS);
        // The executor's context holds its clock and Redis gateway before any venue client: not the adapters' cost.
        Clock clock = PlatformClock.system();
        RedisGateway redis = new RedisGateway(new NijaConfig());
        long awsStarted = System.nanoTime();
        if (afterAws) {
            try (SdkHttpClient aws = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(5)).build()) {
                if (aws == null) throw new IllegalStateException("no AWS HTTP client");
            }
        }
        long started = System.nanoTime();
        VenueHttp http = VenueHttp.standard();
        long httpBuilt = System.nanoTime();
        Map<Venue, VenueClient> clients = BrokerClients.build(http, System.getenv(), clock,
                new RedisNonceSource(redis, clock));
        long clientsBuilt = System.nanoTime();
        System.out.printf("%s aws=%d http=%d clients=%d count=%d%n", LINE, started - awsStarted, httpBuilt - started,
                clientsBuilt - httpBuilt, clients.size());
        System.exit(0);
    }
}
