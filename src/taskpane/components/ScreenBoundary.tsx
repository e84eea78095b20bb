// Keeps a screen's rendering error on that screen, said in words, instead of leaving an empty pane.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import type { Strings } from "../strings";

export interface ScreenBoundaryProps {
  s: Strings;
  children: ReactNode;
}

interface BoundaryState {
  error?: Error;
}

export class ScreenBoundary extends Component<ScreenBoundaryProps, BoundaryState> {
  override state: BoundaryState = {};

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    // The user sees the message; the console keeps the stack for whoever supports them.
    console.error(error);
  }

  override render() {
    const { error } = this.state;
    const { s, children } = this.props;
    if (!error) return children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{s.screenFailed(error.message || error.name)}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => this.setState({ error: undefined })}>
            {s.retry}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
