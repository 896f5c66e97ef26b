package com.nija.shared.data;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.EnumAttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * An immutable enhanced-client schema for a Java record, derived once from its components: attribute name =
 * component name; keys and index keys tagged from the {@link TableDefinition}; a {@code version} component
 * becomes the optimistic-locking attribute; an enum component is stored as its name. Saves a hand-written builder per item type; built at init, so
 * SnapStart snapshots the reflection.
 */
public final class RecordTableSchema {
    public static final String VERSION = "version";

    private RecordTableSchema() {}

    public static <R extends Record> TableSchema<R> of(Class<R> type, TableDefinition table) {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<R> constructor = canonicalConstructor(type, components);
        StaticImmutableTableSchema.Builder<R, Object[]> builder = StaticImmutableTableSchema
                .builder(type, Object[].class)
                .newItemBuilder(() -> new Object[components.length], values -> construct(constructor, values));
        for (int i = 0; i < components.length; i++) {
            addAttribute(builder, components[i], i, table);
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static <R> void addAttribute(StaticImmutableTableSchema.Builder<R, Object[]> builder,
                                         RecordComponent component, int index, TableDefinition table) {
        if (component.getType().isPrimitive()) {
            throw new IllegalArgumentException(component + ": use boxed types, absent attributes are null");
        }
        MethodHandle accessor = accessor(component);
        EnhancedType<Object> type = (EnhancedType<Object>) EnhancedType.of(component.getGenericType());
        List<StaticAttributeTag> tags = tagsFor(component.getName(), table);
        builder.addAttribute(type, a -> {
            a.name(component.getName())
                    .getter(item -> invoke(accessor, item))
                    .setter((values, value) -> values[index] = value)
                    .tags(tags);
            if (component.getType().isEnum()) a.attributeConverter(byName(component.getType()));
        });
    }

    /** Enums are stored as their names (the strings items held before they were typed), never {@code toString()}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AttributeConverter<Object> byName(Class<?> enumType) {
        return (AttributeConverter) EnumAttributeConverter.createWithNameAsKeys((Class<? extends Enum>) enumType);
    }

    private static List<StaticAttributeTag> tagsFor(String name, TableDefinition table) {
        List<StaticAttributeTag> tags = new ArrayList<>();
        if (name.equals(table.partitionKey())) tags.add(StaticAttributeTags.primaryPartitionKey());
        if (name.equals(table.sortKey())) tags.add(StaticAttributeTags.primarySortKey());
        for (IndexDefinition index : table.indexes()) {
            if (name.equals(index.partitionKey())) tags.add(StaticAttributeTags.secondaryPartitionKey(index.name()));
            if (name.equals(index.sortKey())) tags.add(StaticAttributeTags.secondarySortKey(index.name()));
        }
        if (name.equals(VERSION)) tags.add(VersionedRecordExtension.AttributeTags.versionAttribute());
        return tags;
    }

    private static <R> Constructor<R> canonicalConstructor(Class<R> type, RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
        try {
            return type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("records always have a canonical constructor: " + type, e);
        }
    }

    private static MethodHandle accessor(RecordComponent component) {
        try {
            return MethodHandles.publicLookup().unreflect(component.getAccessor());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("item records must be public: " + component, e);
        }
    }

    private static Object invoke(MethodHandle accessor, Object item) {
        try {
            return accessor.invoke(item);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static <R> R construct(Constructor<R> constructor, Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + constructor.getDeclaringClass().getSimpleName(), e);
        }
    }
}
