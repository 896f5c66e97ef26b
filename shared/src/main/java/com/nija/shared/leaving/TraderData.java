package com.nija.shared.leaving;

import com.nija.shared.data.StoredItem;

import com.nija.shared.data.TableDefinition;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One entry of {@link TraderDataRegistry}: a kind of item NIJA stores about a trader, where to find a trader's items
 * of that kind, how the export shows them and what deleting the account does to them.
 *
 * @param name      the archive file ({@code <name>.jsonl}) and the name docs/AUDIT.md uses
 * @param itemTypes the item records this entry covers (the registry test checks every item record has one)
 * @param table     the table the items live in
 * @param source    where a trader's items are; null for a kind that is not about a trader
 * @param erasure   what deleting the account does to them
 * @param hidden    attributes the export leaves out (sealed keys: secrets never leave the platform)
 * @param personal  attributes dropped when an item is pseudonymised (names, IP addresses, links to hosted pages)
 * @param discarded items deleted even when the kind is kept (open paper positions)
 */
public record TraderData(String name, List<Class<? extends Record>> itemTypes, TableDefinition table, ItemSource source,
                         Erasure erasure, Set<String> hidden, Set<String> personal, Predicate<StoredItem> discarded) {

    /** A trader's items of one kind, page by page. */
    @FunctionalInterface
    public interface ItemSource {
        /**
         * @param pseudonym the trader's pseudonym during a deletion (a resumed one finds what it already moved), null
         *                  for an export
         */
        Iterable<List<StoredItem>> pages(TraderItemsRegistry items, String userId, String pseudonym);
    }

    public static TraderData of(String name, Class<? extends Record> type, TableDefinition table, ItemSource source,
                                Erasure erasure) {
        return new TraderData(name, List.of(type), table, source, erasure, Set.of(), Set.of(), item -> false);
    }

    /** A kind that names no trader: nothing to export, nothing to erase. */
    public static TraderData notPersonal(String name, TableDefinition table, List<Class<? extends Record>> types) {
        return new TraderData(name, types, table, null, Erasure.NOT_PERSONAL, Set.of(), Set.of(), item -> false);
    }

    public TraderData hiding(String... attributes) {
        return new TraderData(name, itemTypes, table, source, erasure, Set.of(attributes), personal, discarded);
    }

    public TraderData dropping(String... attributes) {
        return new TraderData(name, itemTypes, table, source, erasure, hidden, Set.of(attributes), discarded);
    }

    public TraderData discarding(Predicate<StoredItem> which) {
        return new TraderData(name, itemTypes, table, source, erasure, hidden, personal, which);
    }

    public boolean aboutTrader() {
        return erasure != Erasure.NOT_PERSONAL;
    }
}
