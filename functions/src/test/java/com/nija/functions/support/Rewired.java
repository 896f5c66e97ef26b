package com.nija.functions.support;

import io.micronaut.context.ApplicationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A second instance of a service built from the test context's beans, with some collaborators swapped for the
 * test's own (a broker that fails on purpose, a client that counts calls). Constructor parameters are filled by type,
 * so the test keeps working when the service gains a dependency.
 */
public final class Rewired {
    private Rewired() {}

    /**
     * @param replacements objects used for every parameter whose type they are an instance of; every other parameter
     *                     is the context's bean of that type ({@code List<T>}: all beans of type T)
     */
    public static <T> T build(Class<T> type, Object... replacements) {
        ApplicationContext context = LocalBackends.get().context();
        Constructor<?> constructor = Arrays.stream(type.getConstructors())
                .max((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
                .orElseThrow(() -> new IllegalArgumentException(type + " has no public constructor"));
        Type[] generic = constructor.getGenericParameterTypes();
        Class<?>[] raw = constructor.getParameterTypes();
        Object[] args = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            args[i] = argument(context, raw[i], generic[i], replacements);
        }
        try {
            return type.cast(constructor.newInstance(args));
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build " + type, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + type, e.getCause());
        }
    }

    private static Object argument(ApplicationContext context, Class<?> raw, Type generic, Object[] replacements) {
        for (Object r : replacements) {
            if (raw.isInstance(r)) return r;
        }
        if (raw == List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return new ArrayList<>(context.getBeansOfType(element));
        }
        return context.getBean(raw);
    }
}
