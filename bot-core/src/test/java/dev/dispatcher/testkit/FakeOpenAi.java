package dev.dispatcher.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI-compatible chat completions server on loopback ({@code POST /v1/chat/completions}), streaming
 * ({@code data: {...}} chunks, usage last, {@code data: [DONE]}) or not.
 */
public final class FakeOpenAi extends FakeModelServer {

    public FakeOpenAi() {
        super("/v1/chat/completions");
    }

    @Override
    protected String whole(String text) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + quoted(text) + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150}}";
    }

    @Override
    protected List<String> events(List<String> pieces) {
        List<String> events = new ArrayList<>();
        String head = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\",";
        events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (String piece : pieces) {
            events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quoted(piece) + "},\"finish_reason\":null}]}\n\n");
        }
        events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        events.add("data: " + head + "\"choices\":[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150}}\n\n");
        events.add("data: [DONE]\n\n");
        return events;
    }
}
