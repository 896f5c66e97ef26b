package com.nija.shared.signals;

import java.util.List;

/**
 * A sender whose signature or secret checked out: who it is, which strategies it may send for, and its own rate limit
 * (requests a minute; null for the platform's default).
 */
public record VerifiedSource(String sourceId, String kind, List<String> strategies, Integer rateLimitPerMinute) {}
