package org.learnability.api.strategy;

/**
 * A strategy cannot be found, configured or loaded. The message is one line that names the
 * strategy, parameter, value or jar at fault and what would be right.
 */
public class StrategyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the one-line message
     */
    public StrategyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message the one-line message
     * @param cause the cause
     */
    public StrategyException(String message, Throwable cause) {
        super(message, cause);
    }
}
