import type { Channel, ChannelModel, ConfirmChannel } from 'amqplib';

/**
 * Channels on a connection `AmqpConnection` supervises. A channel error closes the channel (and, for a
 * connection error, the connection); the connection's recovery opens new ones and calls the listener again.
 * The listener only keeps an unheard 'error' from being thrown at the process.
 */
export async function supervisedChannel(model: ChannelModel): Promise<Channel> {
  const channel = await model.createChannel();
  channel.on('error', () => undefined);
  return channel;
}

/** A publishing channel with publisher confirms, supervised like {@link supervisedChannel}. */
export async function supervisedConfirmChannel(model: ChannelModel): Promise<ConfirmChannel> {
  const channel = await model.createConfirmChannel();
  channel.on('error', () => undefined);
  return channel;
}
