package org.learnability.api.registry;

/** One-line descriptions of failures in plugin code, for error messages. */
final class Failures {

    private Failures() {}

    /**
     * Describes a failure and its causes in one line: the message, then each cause's name and
     * message in brackets.
     *
     * @param e the failure
     * @return one line
     */
    static String oneLine(Throwable e) {
        Throwable root = e;
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            text.append(" (")
                    .append(root.getClass().getSimpleName())
                    .append(": ")
                    .append(root.getMessage())
                    .append(')');
        }
        return text.toString().replace('\n', ' ');
    }

    /**
     * Describes a failure in one line with its type first, e.g. {@code NullPointerException: ...},
     * for failures whose type says what went wrong.
     *
     * @param e the failure
     * @return one line
     */
    static String typed(Throwable e) {
        return e.getClass().getSimpleName() + ": " + oneLine(e);
    }
}
