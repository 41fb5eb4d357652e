/** The entry point front ends call: a {@code Task} in, a {@code Reply} out, the decision recorded on the way. */
package dev.dispatcher.dispatch;
