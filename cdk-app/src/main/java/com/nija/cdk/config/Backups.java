package com.nija.cdk.config;

import java.util.Optional;

/**
 * Where table backups are copied and whether their vault is locked.
 *
 * @param copyRegionOverride context {@code backupCopyRegion}: the engine region every other engine region copies its
 *                           backups to (that region copies to the primary); default: each engine region copies to the
 *                           next engine region in {@code regions}, the last to the first
 * @param vaultLockDays      context {@code backupVaultLockDays}: a vault lock (governance mode) keeping recovery
 *                           points at least this many days (at most the 30 days they are kept); empty: no lock
 */
public record Backups(Optional<String> copyRegionOverride, Optional<Integer> vaultLockDays) {
    public Backups {
        vaultLockDays.ifPresent(d -> {
            if (d < 1 || d > 30) {
                throw new IllegalArgumentException("backupVaultLockDays: " + d + " must be 1 to 30 (backups are kept 30 days)");
            }
        });
    }

    static Backups parse(Optional<String> copyRegion, Optional<String> lockDays) {
        Optional<Integer> days = lockDays.map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("backupVaultLockDays: '" + v + "' is not a whole number", e);
            }
        });
        return new Backups(copyRegion, days);
    }

    /** The region {@code here}'s backups are copied to: another engine region, or none when there is no other. */
    public Optional<String> copyRegion(AppConfig config, String here) {
        java.util.List<String> engines = config.regions().stream().filter(r -> r.role().runsEngine())
                .map(AppConfig.RegionSpec::region).toList();
        copyRegionOverride.ifPresent(r -> {
            if (!engines.contains(r)) {
                throw new IllegalArgumentException("backupCopyRegion: " + r + " is not an engine region of " + engines
                        + " (only those have a backup vault)");
            }
        });
        if (copyRegionOverride.isPresent() && !copyRegionOverride.get().equals(here)) return copyRegionOverride;
        if (copyRegionOverride.isPresent()) return Optional.of(config.primary().region()).filter(p -> !p.equals(here));
        int i = engines.indexOf(here);
        if (engines.size() < 2 || i < 0) return Optional.empty();
        return Optional.of(engines.get((i + 1) % engines.size()));
    }
}
