/**
 * The one conversation pipeline every chat platform goes through, owned by the core.
 *
 * <p>An adapter translates a platform event into an {@link dev.dispatcher.conversation.InboundEvent} and hands it to
 * {@link dev.dispatcher.conversation.Pipeline#accept}: the event is claimed once and stored as a job (the claim and the
 * job are one insert), the adapter's acknowledgement runs, and a bounded worker runs the job
 * ({@link dev.dispatcher.conversation.JobRunner}): dispatch, render through the adapter's
 * {@link dev.dispatcher.conversation.PlatformOutput} port, record each platform step on the job, attach the reply to
 * its decision, log and count it. Jobs whose lease ran out (a worker died with its process) are resumed by any replica
 * from the last recorded step ({@link dev.dispatcher.conversation.JobStore}). If the job cannot be stored the user still
 * gets the answer, told it was not recorded.
 */
package dev.dispatcher.conversation;
