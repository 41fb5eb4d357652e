package dev.dispatcher.store;

/** The decision store could not be opened or used; the message names the database and what went wrong. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
