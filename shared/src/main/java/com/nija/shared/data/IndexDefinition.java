package com.nija.shared.data;

/** A global secondary index: its name and key attributes (all string keys, all attributes projected). */
public record IndexDefinition(String name, String partitionKey, String sortKey) {}
