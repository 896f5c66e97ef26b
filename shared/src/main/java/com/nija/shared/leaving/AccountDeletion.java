package com.nija.shared.leaving;

import com.nija.shared.data.StoredItem;

import static com.nija.shared.data.Tables.TRADING;

import com.nija.shared.audit.Actor;
import com.nija.shared.audit.AuditLog;
import com.nija.shared.cache.UserCache;
import com.nija.shared.data.Keys;
import com.nija.shared.data.PseudonymisedItem;
import com.nija.shared.problem.ConflictException;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.trading.PositionStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Deletes a trader's account: personal data goes, the financial and audit records the platform must keep stay under
 * a one-way pseudonym (docs/AUDIT.md), each kind as {@link TraderDataRegistry} says. Idempotent and resumable: every
 * step can run again, and a deletion state under the pseudonym records that one began and when it finished, so a
 * deletion that stopped halfway finishes on retry. Refused while a live position is open (closing it is a trade the
 * trader must decide); open paper positions are discarded.
 */
@Singleton
public class AccountDeletion {
    /** What the trader types to confirm (or their trader id). */
    public static final String CONFIRMATION = "DELETE my account";
    public static final String ACTION = "DELETE /api/v1/account";
    static final String STATE = "DELETION";

    private final TraderDataRegistry registry;
    private final TraderItemsRegistry items;
    private final Pseudonyms pseudonyms;
    private final AuditLog audit;
    private final UserCache cache;
    private final Clock clock;

    public AccountDeletion(TraderDataRegistry registry, TraderItemsRegistry items, Pseudonyms pseudonyms,
                           AuditLog audit, UserCache cache, Clock clock) {
        this.registry = registry;
        this.items = items;
        this.pseudonyms = pseudonyms;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    /** The outcome: when the deletion began and finished, and which kinds were kept under the pseudonym. */
    public record Deleted(Instant startedAt, Instant deletedAt, List<String> kept, List<String> deleted) {}

    /** @param actor who asked (the trader); recorded under the pseudonym, without the source IP */
    public Deleted delete(String userId, String confirm, Actor actor) {
        if (confirm == null || !(CONFIRMATION.equals(confirm) || userId.equals(confirm))) {
            throw InvalidInputException.of("confirm", "must be \"" + CONFIRMATION + "\" or your trader id");
        }
        refuseWhileLivePositionsOpen(userId);
        String pseudonym = pseudonyms.of(userId);
        Instant startedAt = items.get(TRADING, Keys.user(pseudonym), STATE)
                .map(state -> Instant.parse(state.string("startedAt")))
                .orElseGet(() -> record(pseudonym, "IN_PROGRESS", clock.instant(), null));
        for (TraderData kind : registry.aboutTrader()) erase(kind, userId, pseudonym);
        cache.invalidate(userId); // the engine must not trade on settings cached before the deletion
        audit.record(new Actor(pseudonym, actor.groups(), actor.requestId(), null), pseudonym, ACTION, null,
                Map.of("account", "active"), Map.of("account", "deleted"));
        Instant deletedAt = clock.instant();
        record(pseudonym, "DELETED", startedAt, deletedAt);
        return new Deleted(startedAt, deletedAt, names(Erasure.PSEUDONYMISE), names(Erasure.DELETE));
    }

    private void refuseWhileLivePositionsOpen(String userId) {
        for (List<StoredItem> page : items.pages(TRADING, Keys.user(userId), Keys.POSITION_PREFIX)) {
            for (StoredItem position : page) {
                if (PositionStatus.OPEN.name().equals(position.string("status")) && position.string("venue") != null) {
                    throw new ConflictException("a live position is open (" + position.string("symbol") + " on "
                            + position.string("venue") + "); close your live positions, then delete the account");
                }
            }
        }
    }

    /** Pseudonymised copies are written before the originals go, so a stop between the two loses nothing. */
    private void erase(TraderData kind, String userId, String pseudonym) {
        for (List<StoredItem> page : kind.source().pages(items, userId, pseudonym)) {
            for (StoredItem item : page) {
                if (kind.erasure() == Erasure.DELETE || kind.discarded().test(item)) {
                    items.delete(kind.table(), item);
                    continue;
                }
                StoredItem kept = PseudonymisedItem.of(item, userId, pseudonym, kind.personal());
                items.put(kind.table(), kept);
                if (!item.key(kind.table()).equals(kept.key(kind.table()))) items.delete(kind.table(), item);
            }
        }
    }

    private Instant record(String pseudonym, String state, Instant startedAt, Instant finishedAt) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("pk", Keys.user(pseudonym), "sk", STATE,
                "state", state, "startedAt", startedAt.toString()));
        if (finishedAt != null) values.put("finishedAt", finishedAt.toString());
        items.put(TRADING, StoredItem.ofStrings(values));
        return startedAt;
    }

    private List<String> names(Erasure erasure) {
        return registry.aboutTrader().stream().filter(k -> k.erasure() == erasure).map(TraderData::name).toList();
    }
}
