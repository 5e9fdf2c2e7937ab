package org.learnability.runner.data;

/**
 * Bad data input: a missing directory or file, a file in the wrong format, a size that does not
 * fit. The message is one line that names the file or value and says what was expected.
 */
public class DataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the file or value and what was expected
     */
    public DataException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message one line naming the file or value and what was expected
     * @param cause the underlying error
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
