package io.frontdesk.bot.teams;

import com.microsoft.bot.builder.BotAdapter;
import com.microsoft.bot.builder.TurnContextImpl;
import com.microsoft.bot.builder.TurnContextStateCollection;
import com.microsoft.bot.schema.Activity;

/**
 * The SDK's turn context without its finaliser. {@code TurnContextImpl} and its state collection
 * both declare {@code finalize()} (it only closes the state, which the turn closes anyway), so the
 * JVM registered two finalisers per turn: each turn's activity, state and buffered replies then
 * outlived the young collection that found them dead, were copied to a survivor space and waited
 * for the finaliser thread. Under the bot benchmark their reference processing alone was about a
 * third of each young pause (docs/BENCHMARKS.md, "Bot: turns without finalisers").
 *
 * <p>HotSpot registers no finaliser for a class whose own {@code finalize()} is empty, so the empty
 * overrides below are the point of this class. The state collection the SDK's constructor makes is
 * still registered, but it stays empty (every access goes through {@link #getTurnState()}), so what
 * it keeps alive is a few dozen bytes.
 */
final class UnfinalisedTurnContext extends TurnContextImpl {
  private final State state = new State();

  UnfinalisedTurnContext(BotAdapter adapter, Activity activity) {
    super(adapter, activity);
  }

  @Override
  public TurnContextStateCollection getTurnState() {
    return state;
  }

  @Override
  public void close() throws Exception {
    state.close();
  }

  /** Empty on purpose: see the class comment. */
  @Override
  @SuppressWarnings("deprecation")
  public void finalize() {}

  /** The turn's state, closed by the turn itself. */
  static final class State extends TurnContextStateCollection {
    /** Empty on purpose: see the class comment. */
    @Override
    @SuppressWarnings("deprecation")
    public void finalize() {}
  }
}
