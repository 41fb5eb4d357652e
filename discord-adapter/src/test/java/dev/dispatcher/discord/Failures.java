package dev.dispatcher.discord;

import java.util.Set;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;

/** Discord error responses as JDA reports them, for tests. */
final class Failures {

    private Failures() {}

    static ErrorResponseException of(ErrorResponse error) {
        return ErrorResponseException.create(error, new Response(null, 400, error.getMeaning(), -1, Set.of()));
    }
}
