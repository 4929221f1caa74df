package dk.supportflow.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A rule refused what a person entered; the message is Danish and meant for that person as it
 * is. However deep in the engine it is thrown (a task listener, a guard), the engine REST APIs
 * answer it with 400 and only this message ({@link EngineRestErrors}), so Tasklist shows the
 * reason and nothing else.
 */
public class UserInputRefused extends BadUserRequestException {

    public UserInputRefused(String danishMessage) {
        super(danishMessage);
    }
}
