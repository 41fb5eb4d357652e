package dev.dispatcher.dispatch;

import dev.dispatcher.reply.ReplyComposer;
import dev.dispatcher.routing.Router;

/**
 * A router and a reply composer built from the same knowledge-base version. The {@link Dispatcher} takes both from
 * one source per task, so a reload between routing and composing never mixes two versions.
 */
public interface AnswerSource {

    Router router();

    ReplyComposer composer();

    /** A source that never changes. */
    static AnswerSource of(Router router, ReplyComposer composer) {
        return new AnswerSource() {
            @Override
            public Router router() {
                return router;
            }

            @Override
            public ReplyComposer composer() {
                return composer;
            }
        };
    }
}
