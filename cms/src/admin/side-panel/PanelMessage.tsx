import { Box, Typography } from '@strapi/design-system';
import type { PanelText } from './panel-text';

const TONE_COLOURS = {
  success: 'success600',
  warning: 'warning600',
  danger: 'danger600',
  neutral: 'neutral800',
} as const;

/** The message of an edit-view side panel, announced to screen readers when it changes. */
export function PanelMessage({ message }: { message: PanelText }) {
  return (
    <Box aria-live="polite">
      <Typography variant="omega" textColor={TONE_COLOURS[message.tone]} fontWeight="semiBold">
        {message.text}
      </Typography>
      {message.advice && (
        <Box paddingTop={2}>
          <Typography variant="pi">{message.advice}</Typography>
        </Box>
      )}
    </Box>
  );
}
