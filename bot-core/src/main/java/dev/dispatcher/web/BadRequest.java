package dev.dispatcher.web;

/** A request the page cannot serve as asked (a bad filter, an unknown id, a missing field): answered with a 400 page. */
final class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message, null, false, false);
    }
}
