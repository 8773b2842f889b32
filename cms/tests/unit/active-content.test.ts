import { describe, expect, it } from 'vitest';
import { activeContentOf } from '../../src/uploads/active-content';

const text = (content: string) => Buffer.from(content, 'utf8');

describe('files refused for what they contain', () => {
  it.each([
    [
      'an SVG under an image’s name',
      text('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'a.png',
      'balisage',
    ],
    ['an SVG after an XML declaration', text('<?xml version="1.0"?>\n<svg/>'), 'a.jpg', 'balisage'],
    ['an HTML page saved as text', text('\uFEFF  <!doctype html><p>x'), 'a.txt', 'balisage'],
    [
      'markup in UTF-16',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html>', 'utf16le')]),
      'a.txt',
      'balisage',
    ],
    ['a shell script', text('#!/bin/sh\nrm -rf /'), 'a.csv', 'script'],
    ['JavaScript by its name', text('alert(1)'), 'outil.mjs', 'script'],
    ['an ELF program', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'a.pdf', 'programme'],
    ['a program by its name', text('anything'), 'setup.exe', 'programme'],
  ])('%s', (_, head, name, kind) => {
    expect(activeContentOf(head, name)).toBe(kind);
  });

  it('reads markup in UTF-16 big-endian, even from a file cut mid-character', () => {
    const bigEndian = Buffer.from([0xfe, 0xff, 0, 0x3c, 0, 0x73, 0]);
    expect(activeContentOf(bigEndian, 'a.txt')).toBe('balisage');
    expect(activeContentOf(bigEndian.subarray(0, 3), 'a.txt')).toBeNull();
  });

  it('recognises a Windows program by its PE header, not any text starting with "MZ"', () => {
    const program = Buffer.alloc(256);
    program.write('MZ', 0, 'latin1');
    program.writeUInt32LE(128, 0x3c);
    program.write('PE\0\0', 128, 'latin1');
    expect(activeContentOf(program, 'rapport.pdf')).toBe('programme');
    expect(
      activeContentOf(text('MZ, Montpellier, le 3 mars : compte rendu…'), 'notes.txt'),
    ).toBeNull();
  });

  it.each([
    ['a PDF', text('%PDF-1.7\n%âãÏÓ'), 'rapport.pdf', 'application/pdf'],
    ['captions', text('WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour'), 'a.vtt', 'text/vtt'],
    [
      'a Word document',
      Buffer.from([0x50, 0x4b, 3, 4]),
      'a.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['a video in MPEG-TS', Buffer.from([0x47, 0x40, 0x11]), 'reunion.ts', 'video/mp2t'],
  ])('accepts %s', (_, head, name, type) => {
    expect(activeContentOf(head, name, type)).toBeNull();
  });
});
