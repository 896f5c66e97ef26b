package com.nija.shared.signals;

import java.util.List;

/** A sender whose signature or secret checked out: who it is and which strategies it may send for. */
public record VerifiedSource(String sourceId, String kind, List<String> strategies) {}
