package org.learnability.experiments.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Function;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.runner.training.WeightApplication;

/**
 * The application's one {@link Gson}, configured here only: no HTML escaping (a strategy spec such
 * as {@code mean-ratio:gamma=2} stays readable), and NaN and infinities written as such rather than
 * failing (a benchmark's undefined figure); readers check the ranges of what they read. Gson is
 * immutable and thread-safe, so one instance serves every file and command.
 */
public final class Json {

    /** The Gson every reader and writer of the application uses. */
    public static final Gson GSON =
            new GsonBuilder()
                    .disableHtmlEscaping()
                    .serializeSpecialFloatingPointValues()
                    .registerTypeAdapter(StrategySpec.class, text(StrategySpec::parse).nullSafe())
                    .registerTypeAdapter(
                            WeightApplication.class, text(WeightApplication::parse).nullSafe())
                    .create();

    /** A value written as its {@code toString} and read back by its parser. */
    private static <T> TypeAdapter<T> text(Function<String, T> parse) {
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                out.value(value.toString());
            }

            @Override
            public T read(JsonReader in) throws IOException {
                return parse.apply(in.nextString());
            }
        };
    }

    private Json() {}

    /**
     * Reads a JSON file given by a user (a scores file, a grid file).
     *
     * @param file the file
     * @return its JSON
     * @throws IllegalArgumentException in one line naming the file: missing, unreadable, or not
     *     valid JSON (with the parser's reason)
     */
    public static JsonElement readFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + ": cannot read it (" + e.getMessage() + ")", e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + problem(e) + ")", e);
        }
    }

    /**
     * What the JSON parser found wrong, in one line, without its advice to parse leniently (which
     * would accept what the file must not hold) or its web address.
     *
     * @param e the parser's exception
     * @return e.g. {@code malformed at line 1 column 12 path $.fixed}
     */
    public static String problem(JsonParseException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return message.lines()
                .findFirst()
                .orElse("")
                .replaceAll(
                        "Use JsonReader\\.set(?:Strictness|Lenient)\\([^)]*\\) to accept malformed"
                                + " JSON",
                        "malformed")
                .trim();
    }

    /**
     * Refuses an object with a key that is not among the known ones.
     *
     * @param object the object
     * @param known the keys it may have
     * @param unknown the error for the first unknown key, in the object's order
     */
    public static void requireKnownKeys(
            JsonObject object,
            Collection<String> known,
            Function<String, ? extends RuntimeException> unknown) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw unknown.apply(key);
            }
        }
    }

    /**
     * Formats a value as indented JSON, two spaces per level, without a final newline.
     *
     * @param value the value, or a {@link JsonElement}
     * @return the JSON text
     */
    public static String pretty(Object value) {
        JsonElement tree = value instanceof JsonElement e ? e : GSON.toJsonTree(value);
        StringWriter text = new StringWriter();
        try (JsonWriter writer = GSON.newJsonWriter(text)) {
            writer.setIndent("  ");
            GSON.toJson(tree, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
