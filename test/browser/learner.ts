// A scripted learner who finds everything by role and accessible name, as a screen-reader user would.
import { expect } from '@jest/globals';
import type { FrameLocator, Page } from 'playwright-core';

export class Learner {
  constructor(private readonly course: FrameLocator | Page) {}

  async seesPage(title: string): Promise<void> {
    await this.course.getByRole('heading', { level: 1, name: title }).waitFor({ state: 'visible' });
  }

  /** The cover's main button: Start, or Resume once progress is saved. */
  async begin(name: 'Start' | 'Resume' = 'Start'): Promise<void> {
    await this.course.getByRole('button', { name, exact: true }).click();
  }

  async next(): Promise<void> {
    await this.course.getByRole('button', { name: 'Next', exact: true }).click();
  }

  /** Takes a scenario decision and reads on. */
  async decide(choice: string): Promise<void> {
    await this.course.getByRole('button', { name: choice, exact: true }).click();
    await this.course.getByRole('button', { name: 'Continue', exact: true }).click();
  }

  private question(prompt: string) {
    return this.course.getByRole('group', { name: prompt });
  }

  async pick(prompt: string, ...options: string[]): Promise<void> {
    const group = this.question(prompt);
    for (const option of options) {
      const control = group.getByRole('radio', { name: option, exact: true }).or(group.getByRole('checkbox', { name: option, exact: true }));
      await control.check();
    }
  }

  async type(prompt: string, text: string): Promise<void> {
    await this.question(prompt).getByRole('textbox', { name: 'Your answer' }).fill(text);
  }

  /** Matching: picks the target for one source from its list box. */
  async match(prompt: string, source: string, target: string): Promise<void> {
    await this.question(prompt).getByRole('combobox', { name: new RegExp(`^${escape(source)}`) }).selectOption({ label: target });
  }

  /** Ordering: moves items with their "Move up" buttons until the list reads as given. */
  async order(prompt: string, texts: string[]): Promise<void> {
    const group = this.question(prompt);
    for (const [position, text] of texts.entries()) {
      for (let guard = 0; guard < texts.length; guard++) {
        const items = await group.getByRole('listitem').allInnerTexts();
        const at = items.findIndex((item) => item.startsWith(text));
        if (at <= position) break;
        await group.getByRole('button', { name: `Move up: ${text}` }).click();
      }
    }
  }

  async submitQuiz(): Promise<void> {
    await this.course.getByRole('button', { name: 'Submit answers' }).click();
  }

  async attest(statement: string): Promise<void> {
    await this.course.getByRole('checkbox', { name: statement }).check();
    await this.course.getByRole('button', { name: 'Confirm' }).click();
  }

  async finish(): Promise<void> {
    await this.course.getByRole('button', { name: 'Finish course' }).click();
    // Said once the LMS has acknowledged everything (at once in SCORM; after the LRS answers in xAPI).
    await this.course.getByText('Your results have been saved.').waitFor({ timeout: 20000 });
    await expect(this.course.getByText('Your results have been saved.').count()).resolves.toBe(1);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
