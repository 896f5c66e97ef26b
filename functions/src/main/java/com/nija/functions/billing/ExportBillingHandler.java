package com.nija.functions.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.ExportAnswers;
import com.nija.shared.billing.BillingExportKind;
import com.nija.shared.billing.BillingExporter;
import com.nija.shared.billing.BillingMonth;
import com.nija.shared.export.ExportDelivery;
import com.nija.shared.export.ExportFormat;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/billing/exports/{kind}?month=YYYY-MM&format=csv|json} — finance or admin group. The
 * month's {@code subscriptions} (in force at any time in it) or {@code invoices} (created in it), written page by page,
 * money as exact decimals; inline up to {@link ExportDelivery#MAX_INLINE_CHARS}, past it (in AWS) a presigned link.
 * 200; 400 unknown kind or format, month not YYYY-MM; 422 a future month; 403 not finance/admin; 413 too large where
 * there is no export bucket (locally).
 */
public class ExportBillingHandler extends ApiHandler {
    @Inject BillingExporter exporter;
    @Inject ExportDelivery delivery;
    @Inject Clock clock;

    public ExportBillingHandler() {}

    public ExportBillingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        FinanceAccess.require(request);
        BillingExportKind kind = BillingExportKind.parse(request.pathParameter("kind"));
        YearMonth month = BillingMonth.parse(request.query("month").orElse(null),
                YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
        ExportFormat format = ExportFormat.parse(request.query("format").orElse(null));
        String file = kind.rows() + "-" + month + "." + format.extension();
        return ExportAnswers.of(delivery.deliver("finance", file, format,
                out -> exporter.export(kind, month, format, out)), format, file);
    }

    /** Priming exports a month with no invoices: the index query, the writer and the response path. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = FinanceAccess.primingEvent(Map.of("month", "2000-01", "format", "csv"));
        event.setPathParameters(Map.of("kind", "invoices"));
        return event;
    }
}
