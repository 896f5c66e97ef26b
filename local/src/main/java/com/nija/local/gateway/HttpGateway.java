package com.nija.local.gateway;

import com.nija.local.auth.JwtVerifier;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local API Gateway HTTP API: an HTTP/1.1 server (Netty) that routes each request to its function's handler
 * as a payload format 2.0 event, after the JWT authorizer check the route's {@code Access} asks for.
 *
 * <p>Handlers run on a worker pool ({@link GatewayOptions#workerThreads()}), never on the event loop, so they may
 * block. The gateway's own errors are {@code application/problem+json} ({@link GatewayProblem}).
 *
 * <p>Pipeline per connection: {@value #CODEC} → {@value #AGGREGATOR} → {@value #HTTP_HANDLER}. A later handler
 * goes in front of {@value #HTTP_HANDLER} through {@link GatewayOptions#pipelineCustomizer()}.
 *
 * <p>Given WebSocket routes, the same port also serves the WebSocket API at {@code /ws} (a handler in front of
 * {@value #HTTP_HANDLER} takes those upgrades; see {@link WebSocketApi}) and its {@code @connections} management API
 * ({@code POST/GET/DELETE /@connections/{id}}; see {@link ConnectionsApi}), so functions
 * push with the real SDK client pointed at {@link #uri()}.
 *
 * <pre>{@code
 * try (HttpGateway gateway = new HttpGateway(routes, new JwtVerifier(key)).start()) {
 *     URI api = gateway.uri();
 * }
 * }</pre>
 */
public final class HttpGateway implements AutoCloseable {
    /** Pipeline name of the HTTP/1.1 codec. */
    public static final String CODEC = "http-codec";
    /** Pipeline name of the body aggregator (which also enforces the body limit). */
    public static final String AGGREGATOR = "http-aggregator";
    /** Pipeline name of the handler that dispatches requests to functions. */
    public static final String HTTP_HANDLER = "http-gateway";

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    /** API Gateway: request line and headers together at most 10 KB. */
    private static final int MAX_HEADER_BYTES = 10 * 1024;

    private final GatewayOptions options;
    private final Dispatcher dispatcher;
    private final Connections connections = new Connections();
    private final int routeCount;
    private final WebSocketApi webSockets;
    private final ConnectionsApi management;

    private EventLoopGroup eventLoops;
    private ThreadPoolExecutor workers;
    private Channel serverChannel;
    private volatile int port = -1;
    private boolean started;
    private boolean closed;

    public HttpGateway(List<BoundRoute> routes, JwtVerifier verifier) {
        this(routes, verifier, GatewayOptions.defaults());
    }

    /**
     * @param routes   the routes to serve; paths are API Gateway templates ({@code /a/{id}}, {@code /a/{proxy+}})
     * @param verifier the local JWT authorizer; may be null only when no route needs a token
     * @param options  where to listen and how
     * @throws IllegalArgumentException when two routes match the same requests, a path is not a valid template,
     *                                  or a route needs a token and there is no verifier
     */
    public HttpGateway(List<BoundRoute> routes, JwtVerifier verifier, GatewayOptions options) {
        this(routes, List.of(), null, verifier, options);
    }

    /**
     * @param wsRoutes     the WebSocket API's routes ({@code $connect}, {@code $disconnect}, {@code $default} and
     *                     actions); empty for an HTTP API only
     * @param wsAuthorizer the {@code $connect} authorizer; may be null only without WebSocket routes
     * @throws IllegalArgumentException as above, or WebSocket routes lack {@code $connect}/{@code $default} or come
     *                                  without an authorizer (connecting needs a token)
     */
    public HttpGateway(List<BoundRoute> routes, List<BoundWsRoute> wsRoutes, BoundWsAuthorizer wsAuthorizer,
                       JwtVerifier verifier, GatewayOptions options) {
        this(routes, wsRoutes, wsAuthorizer, verifier, options, null);
    }

    /**
     * As above, with a {@link StaticSite} answering what no route matches (the dashboard); null for none.
     */
    public HttpGateway(List<BoundRoute> routes, List<BoundWsRoute> wsRoutes, BoundWsAuthorizer wsAuthorizer,
                       JwtVerifier verifier, GatewayOptions options, StaticSite site) {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(wsRoutes, "wsRoutes");
        this.options = Objects.requireNonNull(options, "options");
        if (verifier == null && routes.stream().anyMatch(r -> r.route().access().needsToken())) {
            throw new IllegalArgumentException("Routes need tokens but no JwtVerifier was given");
        }
        if (wsAuthorizer == null && !wsRoutes.isEmpty()) {
            throw new IllegalArgumentException("WebSocket routes need a $connect authorizer");
        }
        this.webSockets = wsRoutes.isEmpty() ? null : new WebSocketApi(wsRoutes, wsAuthorizer, options);
        this.management = webSockets == null ? null : new ConnectionsApi(webSockets);
        this.dispatcher = new Dispatcher(new RouteMatcher(routes), verifier, options, site);
        this.routeCount = routes.size();
    }

    /**
     * Binds and starts serving; returns this gateway for chaining.
     *
     * @throws IllegalStateException when already started or closed, or the port cannot be bound
     */
    public synchronized HttpGateway start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        workers = new ThreadPoolExecutor(options.workerThreads(), options.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), workerThreads());
        workers.allowCoreThreadTimeOut(true);
        if (webSockets != null) webSockets.start(workers);
        eventLoops = new MultiThreadIoEventLoopGroup(options.ioThreads(),
                new DefaultThreadFactory("nija-http", false), NioIoHandler.newFactory());
        long timeoutNanos = options.integrationTimeout().toNanos();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(eventLoops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast(CODEC, new HttpServerCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(MAX_HEADER_BYTES)
                                .setMaxHeaderSize(MAX_HEADER_BYTES)));
                        pipeline.addLast(AGGREGATOR, new BodyLimitAggregator(options.maxBodyBytes()));
                        pipeline.addLast(HTTP_HANDLER, new GatewayHandler(dispatcher, connections, workers, timeoutNanos));
                        if (webSockets != null) {
                            pipeline.addBefore(HTTP_HANDLER, WebSocketUpgradeHandler.NAME,
                                    new WebSocketUpgradeHandler(webSockets, management));
                        }
                        options.pipelineCustomizer().accept(pipeline);
                    }
                });
        ChannelFuture bind = bootstrap.bind(options.host(), options.port()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            shutDownExecutors(0);
            closed = true;
            throw new IllegalStateException("Cannot listen on " + options.host() + ":" + options.port(), bind.cause());
        }
        serverChannel = bind.channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        started = true;
        LOG.info("HTTP API gateway on http://{}:{} with {} routes, {} workers", options.host(), port, routeCount,
                options.workerThreads());
        if (webSockets != null) {
            LOG.info("WebSocket API on ws://{}:{}{} with {} routes; @connections at http://{}:{}/@connections",
                    options.host(), port, WebSocketApi.PATH, webSockets.routeCount(), options.host(), port);
        }
        return this;
    }

    /** The port it listens on. */
    public int port() {
        int p = port;
        if (p < 0) {
            throw new IllegalStateException("not started");
        }
        return p;
    }

    /** WebSocket connections open right now (0 without WebSocket routes). */
    public int openWebSockets() {
        return webSockets == null ? 0 : webSockets.open();
    }

    /** {@code ws://host:port/ws}, where WebSocket clients connect; null without WebSocket routes. */
    public URI webSocketUri() {
        return webSockets == null ? null : URI.create(uri().toString().replaceFirst("^http", "ws") + WebSocketApi.PATH);
    }

    /** {@code http://host:port}, the base URL of the API. */
    public URI uri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port());
    }

    /**
     * Stops accepting connections and requests (a request arriving on an open connection now gets 503), closes the
     * WebSocket connections (their {@code $disconnect} runs), lets the requests already dispatched finish and flush
     * their responses (up to {@link GatewayOptions#shutdownTimeout()} for all of it), then closes every connection.
     * Idempotent. Not to be called from a handler or an event-loop thread.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            return;
        }
        connections.startClosing();
        serverChannel.close().awaitUninterruptibly();
        long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
        if (webSockets != null) {
            // Clients hear 1001 going away and every connection's $disconnect runs while the workers still do.
            webSockets.close(options.shutdownTimeout().toMillis());
        }
        try {
            if (!connections.awaitIdle(Math.max(0, (deadline - System.nanoTime()) / 1_000_000L))) {
                LOG.warn("{} requests still unanswered after {}; closing anyway", connections.active(),
                        options.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutDownExecutors(Math.max(0, (deadline - System.nanoTime()) / 1_000_000L));
        port = -1;
        LOG.info("HTTP API gateway stopped");
    }

    /** Workers first (handlers past their 504 may still run), then the event loops, which close the connections. */
    private void shutDownExecutors(long timeoutMillis) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("Handlers still running at shutdown; interrupting them");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "nija-fn-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
