package org.learnability.experiments.setting;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The options declared by {@link Setting} on the components of a record and of the records nested
 * in it (groups: a record component without {@code @Setting}), and the two ways through them: a
 * record made from one value per option ({@link #bind}), and a record's values option by option
 * ({@link #write}). A group's options sit beside those of the record that holds it, in one flat set
 * of keys, as {@code plan.json} lists them.
 */
public final class Settings {

    /** Reads a declared default by its option's type (enums by their serialized names). */
    private static final Gson DEFAULTS = new Gson();

    private Settings() {}

    /**
     * One declared option.
     *
     * @param key its key, the component's name
     * @param setting its declaration
     * @param type the component's type
     */
    public record Declaration(String key, Setting setting, Type type) {

        /**
         * Returns the command-line option.
         *
         * @return e.g. {@code --train-size} for {@code trainSize}
         */
        public String option() {
            return setting.option().isEmpty()
                    ? "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT)
                    : setting.option();
        }

        /**
         * Returns the value a plan written before this option existed behaves as.
         *
         * @return the value as JSON, or empty if every plan names the option
         */
        public Optional<JsonElement> since() {
            return setting.since().isEmpty()
                    ? Optional.empty()
                    : Optional.of(JsonParser.parseString(setting.since()));
        }
    }

    /**
     * Returns the options declared in a record and its groups, in their declared order.
     *
     * @param type the record
     * @return the declarations
     */
    public static List<Declaration> declarations(Class<? extends Record> type) {
        return declarations(type, List.of());
    }

    /**
     * Returns the options declared in a record, its groups and the run-time groups ({@link
     * OptionGroups}) it holds, in their declared order.
     *
     * @param type the record
     * @param groups the run-time groups, e.g. every registered mode's options
     * @return the declarations
     */
    public static List<Declaration> declarations(
            Class<? extends Record> type, List<Class<? extends Record>> groups) {
        List<Declaration> all = new ArrayList<>();
        collect(type, groups, all);
        all.sort(Comparator.comparingInt(d -> d.setting().order()));
        return List.copyOf(all);
    }

    /**
     * Finds the declaration of a command-line option.
     *
     * @param type the record
     * @param option e.g. {@code --lr}
     * @return its declaration, if the option is one of the record's
     */
    public static Optional<Declaration> byOption(Class<? extends Record> type, String option) {
        return declarations(type).stream().filter(d -> d.option().equals(option)).findFirst();
    }

    /**
     * Makes a record, and the groups in it, from one value per option; each record's constructor
     * checks its values.
     *
     * @param type the record
     * @param read the value of an option, of its component's type
     * @param <R> the record's type
     * @return the record
     * @throws IllegalArgumentException from a constructor's check, naming the option
     */
    public static <R extends Record> R bind(Class<R> type, Function<Declaration, Object> read) {
        return bind(type, List.of(), read);
    }

    /**
     * Makes a record, its groups and the run-time groups it holds from one value per option.
     *
     * @param type the record
     * @param groups the run-time groups ({@link OptionGroups}) to make
     * @param read the value of an option, of its component's type
     * @param <R> the record's type
     * @return the record
     * @throws IllegalArgumentException from a constructor's check, naming the option
     */
    public static <R extends Record> R bind(
            Class<R> type,
            List<Class<? extends Record>> groups,
            Function<Declaration, Object> read) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            if (c.getType() == OptionGroups.class) {
                Map<Class<? extends Record>, Record> made = new LinkedHashMap<>();
                groups.forEach(g -> made.put(g, bind(g, groups, read)));
                values[i] = new OptionGroups(made);
            } else {
                values[i] =
                        group(c)
                                ? bind(c.getType().asSubclass(Record.class), groups, read)
                                : read.apply(declaration(c));
            }
        }
        try {
            Constructor<R> constructor =
                    type.getDeclaredConstructor(
                            Arrays.stream(components)
                                    .map(RecordComponent::getType)
                                    .toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName(), e);
        }
    }

    /**
     * Makes a record, and the groups in it, from the values its options declare for plans written
     * before them ({@link Setting#since}): the defaults, written once, in the declarations.
     *
     * @param type the record
     * @param <R> the record's type
     * @return the record of defaults
     * @throws IllegalStateException if an option declares no such value
     */
    public static <R extends Record> R defaults(Class<R> type) {
        return bind(
                type,
                d ->
                        DEFAULTS.fromJson(
                                d.since()
                                        .orElseThrow(
                                                () ->
                                                        new IllegalStateException(
                                                                d.key() + " declares no default")),
                                d.type()));
    }

    /**
     * Gives every option's value of a record and of its groups, in the record's component order.
     *
     * @param value the record
     * @param write takes each option and its value
     */
    public static void write(Record value, BiConsumer<Declaration, Object> write) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
            if (v instanceof OptionGroups groups) {
                groups.groups().values().forEach(g -> write(g, write));
            } else if (group(c)) {
                write((Record) v, write);
            } else {
                write.accept(declaration(c), v);
            }
        }
    }

    private static void collect(
            Class<? extends Record> type,
            List<Class<? extends Record>> groups,
            List<Declaration> all) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType() == OptionGroups.class) {
                groups.forEach(g -> collect(g, groups, all));
            } else if (group(c)) {
                collect(c.getType().asSubclass(Record.class), groups, all);
            } else {
                all.add(declaration(c));
            }
        }
    }

    private static boolean group(RecordComponent c) {
        return c.getAnnotation(Setting.class) == null && c.getType().isRecord();
    }

    private static Declaration declaration(RecordComponent c) {
        Setting setting = c.getAnnotation(Setting.class);
        if (setting == null) {
            throw new IllegalStateException(
                    c.getDeclaringRecord().getSimpleName()
                            + "."
                            + c.getName()
                            + " is neither a @Setting nor a group");
        }
        return new Declaration(c.getName(), setting, c.getGenericType());
    }
}
