package com.nija.functions.routes;

import com.nija.functions.account.AcceptTermsHandler;
import com.nija.functions.admin.GraduationWaiverHandler;
import com.nija.functions.admin.CreateSourceHandler;
import com.nija.functions.admin.FlattenTraderHandler;
import com.nija.functions.admin.GetAdminAuditHandler;
import com.nija.functions.admin.GetTraderHandler;
import com.nija.functions.admin.ListTradersHandler;
import com.nija.functions.admin.PauseTraderHandler;
import com.nija.functions.admin.ResumeTraderHandler;
import com.nija.functions.admin.DisableSourceHandler;
import com.nija.functions.admin.EnableSourceHandler;
import com.nija.functions.admin.GetKillSwitchHandler;
import com.nija.functions.admin.KillSwitchHandler;
import com.nija.functions.admin.ListSourcesHandler;
import com.nija.functions.admin.ListAlertsHandler;
import com.nija.functions.admin.RotateSourceHandler;
import com.nija.functions.audit.GetAuditHandler;
import com.nija.functions.billing.BillingMetricsHandler;
import com.nija.functions.billing.ExportBillingHandler;
import com.nija.functions.billing.BillingSubscribersHandler;
import com.nija.functions.billing.CreateCheckoutHandler;
import com.nija.functions.billing.CreatePortalSessionHandler;
import com.nija.functions.billing.GetBillingPlansHandler;
import com.nija.functions.billing.GetAccountHandler;
import com.nija.functions.leaving.DeleteAccountHandler;
import com.nija.functions.leaving.ExportAccountHandler;
import com.nija.functions.billing.StripeWebhookHandler;
import com.nija.functions.brokers.DeleteBrokerKeyHandler;
import com.nija.functions.brokers.GetTradingModeHandler;
import com.nija.functions.brokers.ListBrokersHandler;
import com.nija.functions.brokers.PutBrokerKeyHandler;
import com.nija.functions.brokers.PutTradingModeHandler;
import com.nija.functions.brokers.TestBrokerKeyHandler;
import com.nija.functions.dashboard.GetDashboardHandler;
import com.nija.functions.docs.GetAsyncApiHandler;
import com.nija.functions.docs.GetOpenApiHandler;
import com.nija.functions.engine.ClosePositionHandler;
import com.nija.functions.engine.GetOrdersHandler;
import com.nija.functions.engine.OrderExecutorHandler;
import com.nija.functions.engine.PauseTradingHandler;
import com.nija.functions.engine.ResumeTradingHandler;
import com.nija.functions.health.HealthHandler;
import com.nija.functions.live.WsAuthorizerHandler;
import com.nija.functions.live.WsConnectHandler;
import com.nija.functions.live.WsDefaultHandler;
import com.nija.functions.live.WsDisconnectHandler;
import com.nija.functions.live.WsPingHandler;
import com.nija.functions.live.WsSubscribeHandler;
import com.nija.functions.live.WsUnsubscribeHandler;
import com.nija.functions.performance.GetPerformanceHandler;
import com.nija.functions.protections.GetProtectionsHandler;
import com.nija.functions.protections.PutProtectionsHandler;
import com.nija.functions.reconcile.ReconcileVenuesHandler;
import com.nija.functions.settings.GetSettingsHandler;
import com.nija.functions.settings.PutSettingsHandler;
import com.nija.functions.signals.PriceIngestHandler;
import com.nija.functions.signals.CheckQuietSourcesHandler;
import com.nija.functions.signals.SignalFanoutHandler;
import com.nija.functions.signals.SignalIntakeHandler;
import com.nija.functions.marketdata.IngestCandlesHandler;
import com.nija.functions.notifications.DeleteNotificationChannelHandler;
import com.nija.functions.notifications.GetNotificationPreferencesHandler;
import com.nija.functions.notifications.ListNotificationDeliveriesHandler;
import com.nija.functions.notifications.NotificationWorkerHandler;
import com.nija.functions.notifications.PutNotificationChannelHandler;
import com.nija.functions.notifications.PutNotificationPreferencesHandler;
import com.nija.functions.signin.ExchangeCodeHandler;
import com.nija.functions.signin.RefreshSessionHandler;
import com.nija.functions.signin.SignOutHandler;
import com.nija.functions.strategy.ApexScanHandler;
import com.nija.functions.trading.GetPositionsHandler;
import com.nija.functions.trading.ExportTradesHandler;
import com.nija.functions.trading.GetTradesHandler;
import com.nija.shared.data.Queues;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every function NIJA runs: HTTP routes, queue workers, scheduled functions, WebSocket routes and their authorizer. The
 * CDK app and the local platform both read these lists and nothing else.
 */
public final class RouteTable {
    public static final List<Route> ROUTES = List.of(
            new Route("GET", "/health", HealthHandler.class, Access.PUBLIC, "health"),
            new Route("GET", "/api/v1/positions", GetPositionsHandler.class, Access.TRADER, "get-positions"),
            new Route("GET", "/api/v1/trades", GetTradesHandler.class, Access.TRADER, "get-trades"),
            new Route("GET", "/api/v1/performance", GetPerformanceHandler.class, Access.TRADER, "get-performance"),
            new Route("GET", "/api/v1/dashboard", GetDashboardHandler.class, Access.TRADER, "get-dashboard"),
            new Route("GET", "/api/v1/settings", GetSettingsHandler.class, Access.TRADER, "get-settings"),
            new Route("PUT", "/api/v1/settings", PutSettingsHandler.class, Access.TRADER, "put-settings"),
            new Route("POST", "/api/v1/signals", SignalIntakeHandler.class, Access.PUBLIC, "signal-intake"),
            new Route("POST", "/internal/prices", PriceIngestHandler.class, Access.PUBLIC, "price-ingest"),
            new Route("GET", "/api/v1/orders", GetOrdersHandler.class, Access.TRADER, "get-orders"),
            new Route("POST", "/api/v1/trading/close-position", ClosePositionHandler.class, Access.TRADER, "close-position"),
            new Route("POST", "/api/v1/trading/pause", PauseTradingHandler.class, Access.TRADER, "pause-trading"),
            new Route("POST", "/api/v1/trading/resume", ResumeTradingHandler.class, Access.TRADER, "resume-trading"),
            new Route("POST", "/api/v1/admin/kill-switch", KillSwitchHandler.class, Access.ADMIN, "kill-switch"),
            // The admin view reads the switch before flipping it
            new Route("GET", "/api/v1/admin/kill-switch", GetKillSwitchHandler.class, Access.ADMIN, "get-kill-switch"),
            // Live trading: a trader's venue keys (stored sealed, never shown again) and their consent to trade live
            new Route("GET", "/api/v1/brokers", ListBrokersHandler.class, Access.TRADER, "list-brokers"),
            new Route("PUT", "/api/v1/brokers/{venue}", PutBrokerKeyHandler.class, Access.TRADER, "connect-broker"),
            new Route("DELETE", "/api/v1/brokers/{venue}", DeleteBrokerKeyHandler.class, Access.TRADER,
                    "disconnect-broker"),
            new Route("POST", "/api/v1/brokers/{venue}/test", TestBrokerKeyHandler.class, Access.TRADER, "test-broker"),
            new Route("GET", "/api/v1/trading/mode", GetTradingModeHandler.class, Access.TRADER, "get-trading-mode"),
            new Route("PUT", "/api/v1/trading/mode", PutTradingModeHandler.class, Access.TRADER, "set-trading-mode"),
            // Signal and price sources (ops): secrets shown once, stored sealed
            new Route("POST", "/api/v1/admin/sources", CreateSourceHandler.class, Access.ADMIN, "create-source"),
            new Route("GET", "/api/v1/admin/sources", ListSourcesHandler.class, Access.ADMIN, "list-sources"),
            new Route("POST", "/api/v1/admin/sources/{id}/rotate", RotateSourceHandler.class, Access.ADMIN,
                    "rotate-source"),
            new Route("POST", "/api/v1/admin/sources/{id}/disable", DisableSourceHandler.class, Access.ADMIN,
                    "disable-source"),
            new Route("POST", "/api/v1/admin/sources/{id}/enable", EnableSourceHandler.class, Access.ADMIN,
                    "enable-source"),
            // Billing
            new Route("POST", "/webhooks/stripe", StripeWebhookHandler.class, Access.PUBLIC, "stripe-webhook"),
            new Route("GET", "/api/v1/account", GetAccountHandler.class, Access.TRADER, "get-account"),
            new Route("GET", "/api/v1/admin/billing/metrics", BillingMetricsHandler.class, Access.FINANCE,
                    "billing-metrics"),
            new Route("GET", "/api/v1/admin/billing/subscribers", BillingSubscribersHandler.class, Access.FINANCE,
                    "billing-subscribers"),
            // Self-service billing (issue 20): plans with Stripe's prices, Checkout to subscribe, the portal to change
            new Route("GET", "/api/v1/billing/plans", GetBillingPlansHandler.class, Access.TRADER, "billing-plans"),
            new Route("POST", "/api/v1/billing/checkout", CreateCheckoutHandler.class, Access.TRADER,
                    "billing-checkout"),
            new Route("POST", "/api/v1/billing/portal", CreatePortalSessionHandler.class, Access.TRADER,
                    "billing-portal"),
            // Admin control of traders and the audit trail (issue 16): every write route above and here is audited
            new Route("GET", "/api/v1/admin/traders", ListTradersHandler.class, Access.ADMIN, "list-traders"),
            new Route("GET", "/api/v1/admin/traders/{id}", GetTraderHandler.class, Access.ADMIN, "get-trader"),
            new Route("POST", "/api/v1/admin/traders/{id}/pause", PauseTraderHandler.class, Access.ADMIN,
                    "pause-trader"),
            new Route("POST", "/api/v1/admin/traders/{id}/resume", ResumeTraderHandler.class, Access.ADMIN,
                    "resume-trader"),
            new Route("POST", "/api/v1/admin/traders/{id}/flatten", FlattenTraderHandler.class, Access.ADMIN,
                    "flatten-trader"),
            new Route("GET", "/api/v1/audit", GetAuditHandler.class, Access.TRADER, "get-audit"),
            new Route("GET", "/api/v1/admin/audit", GetAdminAuditHandler.class, Access.ADMIN, "get-admin-audit"),
            // Dashboard sign-in (backend-for-frontend for Cognito's hosted UI): the refresh token lives in an
            // HttpOnly cookie scoped to /auth, so these routes sit under /auth on the dashboard's own origin
            new Route("POST", "/auth/token", ExchangeCodeHandler.class, Access.PUBLIC, "sign-in-token"),
            new Route("POST", "/auth/refresh", RefreshSessionHandler.class, Access.PUBLIC, "sign-in-refresh"),
            new Route("POST", "/auth/sign-out", SignOutHandler.class, Access.PUBLIC, "sign-out"),
            // Exports (issue 16): a trader's fills for a tax return, streamed page by page, inline up to a bound.
            new Route("GET", "/api/v1/trades/export", ExportTradesHandler.class, Access.TRADER, "export-trades"),
            // Protections (issue 20): drawdown stop, stoploss guard, daily profit target; they only stop new entries
            new Route("GET", "/api/v1/protections", GetProtectionsHandler.class, Access.TRADER, "get-protections"),
            new Route("PUT", "/api/v1/protections", PutProtectionsHandler.class, Access.TRADER, "put-protections"),
            // Sign-up and graduation (issue 20): accepting the terms in force; an admin's waiver of graduation
            new Route("POST", "/api/v1/account/terms", AcceptTermsHandler.class, Access.TRADER, "accept-terms"),
            new Route("POST", "/api/v1/admin/traders/{id}/graduation-waiver", GraduationWaiverHandler.class,
                    Access.ADMIN, "graduation-waiver"),
            // Operator alerts (issue 16, docs/ALERTS.md): the alerts raised lately, newest first
            new Route("GET", "/api/v1/admin/alerts", ListAlertsHandler.class, Access.ADMIN, "list-alerts"),
            // Finance exports (issue 16): a month's subscriptions or invoices, streamed like the trades export.
            new Route("GET", "/api/v1/admin/billing/exports/{kind}", ExportBillingHandler.class, Access.FINANCE,
                    "export-billing"),
            // Notifications (issue 20): which events reach which of a trader's channels, the channels (secrets sealed,
            // a webhook's signing secret shown once) and the delivery log; the notification worker delivers.
            new Route("GET", "/api/v1/notifications/preferences", GetNotificationPreferencesHandler.class,
                    Access.TRADER, "get-notification-preferences"),
            new Route("PUT", "/api/v1/notifications/preferences", PutNotificationPreferencesHandler.class,
                    Access.TRADER, "put-notification-preferences"),
            new Route("PUT", "/api/v1/notifications/channels/{channel}", PutNotificationChannelHandler.class,
                    Access.TRADER, "put-notification-channel"),
            new Route("DELETE", "/api/v1/notifications/channels/{channel}", DeleteNotificationChannelHandler.class,
                    Access.TRADER, "delete-notification-channel"),
            new Route("GET", "/api/v1/notifications/deliveries", ListNotificationDeliveriesHandler.class,
                    Access.TRADER, "list-notification-deliveries"),
            // Leaving (issue 20): a trader's whole account as an archive, and account deletion
            new Route("GET", "/api/v1/account/export", ExportAccountHandler.class, Access.TRADER, "export-account"),
            new Route("DELETE", "/api/v1/account", DeleteAccountHandler.class, Access.TRADER, "delete-account"),
            // The API contract (docs/api/openapi.yaml) as JSON, public
            new Route("GET", "/api/v1/openapi.json", GetOpenApiHandler.class, Access.PUBLIC, "get-openapi"),
            // The live-updates contract (docs/api/asyncapi.yaml: the WebSocket API) as JSON, public
            new Route("GET", "/api/v1/asyncapi.json", GetAsyncApiHandler.class, Access.PUBLIC, "get-asyncapi"));

    /**
     * Queue-triggered functions. Order execution is bounded by its event source's maximum concurrency; in AWS the
     * executor's comes from the capacity model (cdk-app {@code WorkerConcurrency}, {@code executor-concurrency.json}),
     * the bound here is the local platform's.
     */
    public static final List<Worker> WORKERS = List.of(
            new Worker("signal-fanout", SignalFanoutHandler.class, Queues.SIGNALS, 10, 20),
            new Worker("order-executor", OrderExecutorHandler.class, Queues.ORDERS, 10, 50),
            // Notifications: slow receivers (webhooks) must not hold up orders; a small bound is plenty.
            new Worker("notification-worker", NotificationWorkerHandler.class, Queues.NOTIFICATIONS, 10, 5));

    /**
     * Functions run on a timer. Reconciliation never trades (it only reports drift) and runs in every engine-role
     * region. The APEX scan runs one minute after each 5-minute candle closes, so the minute's candle ingest has
     * stored that candle, in the engine region only (one scan per close); its signals allow {@code maxLag} 240 s, well
     * inside the candle. No retries: a late re-run would decide on a candle that is no longer the newest, and the
     * next close is five minutes away.
     */
    public static final List<Schedule> SCHEDULES = List.of(
            Schedule.every("reconcile-venues", ReconcileVenuesHandler.class, Duration.ofMinutes(5)),
            Schedule.every("apex-scan", ApexScanHandler.class, Duration.ofMinutes(5)).at(Duration.ofMinutes(1))
                    .in(Schedule.Placement.ENGINE_REGION).withoutRetries(),
            // Candle ingest (market data): at each minute's start, engine region only, so candles are fetched once
            // and prices reach the stop/target path once; no retries, the next minute catches up.
            Schedule.every("ingest-candles", IngestCandlesHandler.class, Duration.ofMinutes(1)).at(Duration.ZERO)
                    .in(Schedule.Placement.ENGINE_REGION).withoutRetries(),
            // Operator alerts (issue 16): watched sources quiet longer than their interval, engine region only (one
            // alert per spell); no retries, the next run is five minutes away.
            Schedule.every("check-quiet-sources", CheckQuietSourcesHandler.class, Duration.ofMinutes(5))
                    .in(Schedule.Placement.ENGINE_REGION).withoutRetries());

    /** WebSocket API routes (live updates): route selection on {@code $request.body.action}. */
    public static final List<WsRoute> WS_ROUTES = List.of(
            new WsRoute(WsRoute.CONNECT, WsConnectHandler.class, "ws-connect"),
            new WsRoute(WsRoute.DISCONNECT, WsDisconnectHandler.class, "ws-disconnect"),
            new WsRoute(WsRoute.DEFAULT, WsDefaultHandler.class, "ws-default"),
            new WsRoute("subscribe", WsSubscribeHandler.class, "ws-subscribe"),
            new WsRoute("unsubscribe", WsUnsubscribeHandler.class, "ws-unsubscribe"),
            new WsRoute("ping", WsPingHandler.class, "ws-ping"));

    /** Verifies the trader's token before {@code $connect} runs (WebSocket APIs have no JWT authorizer). */
    public static final WsAuthorizer WS_AUTHORIZER = new WsAuthorizer(WsAuthorizerHandler.class, "ws-authorizer");

    private RouteTable() {}

    public static Optional<Route> byFunction(String function) {
        return ROUTES.stream().filter(r -> r.function().equals(function)).findFirst();
    }
}
