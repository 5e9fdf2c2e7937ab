package org.learnability.experiments.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.runner.registry.Named;

/**
 * How a plan option's value is written into {@code plan.json}, and read back where its type reads
 * its own text; {@link PlanCodec} reads the names that the registries resolve.
 */
final class PlanValues {

    private PlanValues() {}

    /** Writes one option's value as {@code plan.json} holds it. */
    static JsonElement write(Object value) {
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        } else if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        } else if (value instanceof Optional<?> optional) {
            return new JsonPrimitive(optional.map(Object::toString).orElse(""));
        } else if (value instanceof Named named) {
            return new JsonPrimitive(named.name());
        } else if (value instanceof Enum<?> e) {
            return new JsonPrimitive(e.toString().toLowerCase(Locale.ROOT));
        } else if (value instanceof List<?> list
                && !list.isEmpty()
                && list.get(0) instanceof ExperimentMode) {
            return new JsonPrimitive(
                    list.stream()
                            .map(m -> ((ExperimentMode) m).name())
                            .collect(Collectors.joining(",")));
        } else if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(write(item)));
            return array;
        } else if (value == null) {
            return JsonNull.INSTANCE;
        }
        return new JsonPrimitive(value.toString());
    }

    /**
     * A value of a type that reads its own text form: its {@code static parse(String)}, whose
     * {@code toString} writes it back (schedules, optimizers, averaging, weight application,
     * test-time augmentation).
     */
    static Object parsed(Class<?> type, String text) {
        Method parse;
        try {
            parse = type.getMethod("parse", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no reader for plan options of type " + type, e);
        }
        try {
            return parse.invoke(null, text);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tells whether a type is a list of some item type. */
    static boolean listOf(Type type, Class<?> item) {
        return type instanceof ParameterizedType p
                && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == item;
    }
}
