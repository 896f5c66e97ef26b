package com.nija.shared.admin;

import com.nija.shared.account.BotState;
import com.nija.shared.account.ProfileRepository;
import com.nija.shared.dashboard.DashboardService;
import com.nija.shared.dashboard.DashboardView;
import com.nija.shared.data.OrderItem;
import com.nija.shared.data.PositionItem;
import com.nija.shared.engine.ManualClose;
import com.nija.shared.engine.TradingControls;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.NotFoundException;
import com.nija.shared.trading.PositionRepository;
import com.nija.shared.trading.PositionStatus;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * What an admin does to one trader: see their dashboard as they see it, pause or resume their bot (the per-trader kill
 * switch: the engine reads the state before every new order, and the trader's devices are told at once), and flatten
 * them (every open position closed at market through {@link ManualClose}, whose close ids make each position close
 * once however often this runs). Every change needs a reason; a trader with no profile is 404, never created.
 */
@Singleton
public class TraderAdmin {
    private final ProfileRepository profiles;
    private final DashboardService dashboards;
    private final TradingControls controls;
    private final PositionRepository positions;
    private final ManualClose closer;

    public TraderAdmin(ProfileRepository profiles, DashboardService dashboards, TradingControls controls,
                       PositionRepository positions, ManualClose closer) {
        this.profiles = profiles;
        this.dashboards = dashboards;
        this.controls = controls;
        this.positions = positions;
        this.closer = closer;
    }

    public DashboardView dashboard(String traderId) {
        return dashboards.get(existing(traderId));
    }

    public BotState setBotState(String traderId, BotState state, String reason) {
        String why = requireReason(reason);
        String id = existing(traderId);
        String done = state == BotState.PAUSED ? "paused" : "resumed";
        return controls.setBotState(id, state, done + " by an admin: " + why);
    }

    public FlattenReport flatten(String traderId, String reason) {
        requireReason(reason);
        String id = existing(traderId);
        List<FlattenReport.Closed> closed = new ArrayList<>();
        List<String> closing = new ArrayList<>();
        for (PositionItem position : positions.list(id, PositionStatus.OPEN)) {
            try {
                OrderItem order = closer.close(id, position.positionId());
                closed.add(new FlattenReport.Closed(position.positionId(), order.orderId(), order.status().name()));
            } catch (ConflictException alreadyClosing) {
                closing.add(position.positionId());
            }
        }
        return new FlattenReport(id, closed, closing);
    }

    private String existing(String traderId) {
        InputLimits.requireId(InputLimits.Id.USER, "id", traderId);
        if (profiles.find(traderId).isEmpty()) throw new NotFoundException("no trader " + traderId);
        return traderId;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) throw InvalidInputException.of("reason", "is required");
        return InputLimits.requireText("reason", reason.strip());
    }
}
