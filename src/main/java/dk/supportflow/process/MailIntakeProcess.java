package dk.supportflow.process;

/** The contract of the process {@code mailIntake}: the support mailbox read on a timer, as the driftsside is. */
public final class MailIntakeProcess {

    public static final String PROCESS_KEY = "mailIntake";

    public static final class Elements {
        public static final String TIMER_START = "StartEvent_MailboxDue";
        public static final String TASK_READ = "Task_ReadMailbox";
        public static final String GATEWAY_READ = "Gateway_MailboxRead";
        public static final String EVENT_RECOVERED = "Event_MailboxRecovered";
        public static final String END_READ = "EndEvent_MailboxRead";
        public static final String END_TRY_NEXT_TIME = "EndEvent_TryAgainNextTime";
        public static final String END_RECOVERED = "EndEvent_MailboxRecovered";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Ends the wait of an instance whose incident says that the mailbox cannot be read. */
        public static final String RECOVERED = "MailboxRecovered";

        private Messages() {
        }
    }

    public static final class Vars {
        /** Set by the read: read | off | failed | down. */
        public static final String STATUS = "mailboxStatus";
        public static final String HANDLED = "mailsHandled";

        private Vars() {
        }
    }

    public static final class Beans {
        public static final String READ = "readMailbox";
        public static final String INCIDENT = "mailboxIncident";
        public static final String SETTINGS = "intakeSettings";

        private Beans() {
        }
    }

    private MailIntakeProcess() {
    }
}
