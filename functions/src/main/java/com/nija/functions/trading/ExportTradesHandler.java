package com.nija.functions.trading;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.ExportAnswers;
import com.nija.functions.priming.Priming;
import com.nija.shared.export.ExportDelivery;
import com.nija.shared.export.ExportFormat;
import com.nija.shared.trading.export.ExportRange;
import com.nija.shared.trading.export.TradeExporter;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code GET /api/v1/trades/export?from=…&to=…&format=csv|json} — the caller's own fills in {@code [from, to)}
 * (ISO-8601 instants or dates; a date is its whole UTC day), oldest first, with the columns a tax return needs: time,
 * symbol, side, quantity, price, fee, realized P&L, venue, order id. Written page by page; returned inline up to
 * {@link ExportDelivery#MAX_INLINE_CHARS}, past it (in AWS) stored in the export bucket and answered with a presigned
 * link ({@code {"download": {…}}}). 200; 400 missing/unreadable from or to, unknown format; 422 to not after from or a
 * range over 366 days; 413 an export larger than one response carries where there is no export bucket (locally).
 */
public class ExportTradesHandler extends ApiHandler {
    @Inject TradeExporter exporter;
    @Inject ExportDelivery delivery;

    public ExportTradesHandler() {}

    public ExportTradesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        ExportRange range = ExportRange.parse(request.query("from").orElse(null), request.query("to").orElse(null));
        ExportFormat format = ExportFormat.parse(request.query("format").orElse(null));
        String file = ("fills-" + range.from() + "-" + range.to() + "." + format.extension()).replace(':', '-');
        return ExportAnswers.of(delivery.deliver(request.userId(), file, format,
                out -> exporter.export(request.userId(), range, format, out)), format, file);
    }
    /** Priming reads a real (empty) window: the query, the writer and the response path, nothing written. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = Priming.getEvent(Priming.USER);
        event.setQueryStringParameters(Map.of("from", "2000-01-01", "to", "2000-01-02", "format", "csv"));
        return event;
    }
}
