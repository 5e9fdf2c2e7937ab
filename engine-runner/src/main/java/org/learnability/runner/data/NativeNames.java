package org.learnability.runner.data;

/**
 * File names and arguments as the JVM decodes them from the operating system, in its locale's
 * encoding ({@code sun.jnu.encoding}). Without a UTF-8 locale (LANG and LC_ALL unset or {@code C},
 * as under cron and in minimal containers) that is ASCII on Linux: a name such as {@code été}
 * becomes {@code U+FFFD} replacement characters, and Java 17 can neither open the file by it nor
 * create it ({@code InvalidPathException}); {@code -Dsun.jnu.encoding} does not change that. {@code
 * bin/learnability} starts Java under {@code C.UTF-8} when the locale is not UTF-8.
 */
public final class NativeNames {

    /** What the JVM puts for bytes its encoding cannot decode. */
    private static final char REPLACEMENT = '\uFFFD';

    private NativeNames() {}

    /**
     * Tells whether a name holds characters the JVM could not decode.
     *
     * @param name a file name or an argument
     * @return {@code true} if it holds a replacement character
     */
    public static boolean undecodable(String name) {
        return name.indexOf(REPLACEMENT) >= 0;
    }

    /**
     * Returns why such a name cannot be used and what to do: {@code characters this JVM cannot
     * decode (its locale's encoding is ...); start it under a UTF-8 locale, e.g. LANG=C.UTF-8}.
     *
     * @return the explanation, for the end of an error line
     */
    public static String cause() {
        return "characters this JVM cannot decode (its locale's encoding is "
                + System.getProperty("sun.jnu.encoding", "unknown")
                + ": LANG and LC_ALL unset or C); start it under a UTF-8 locale, e.g."
                + " LANG=C.UTF-8";
    }
}
