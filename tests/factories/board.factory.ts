import request from 'supertest';
import type { BoardDto, CardDto, ColumnDto, LabelDto } from '@enlace/shared';
import type { TestApp } from '../support/test-app.js';
import type { SignedIn } from './accounts.factory.js';

export async function defaultBoard(app: TestApp, who: SignedIn, workspaceId: string): Promise<BoardDto> {
  const boards = await request(app.url).get(`/api/workspaces/${workspaceId}/boards`).auth(who.token, { type: 'bearer' }).expect(200);
  const board = await request(app.url).get(`/api/boards/${boards.body.items[0].id}`).auth(who.token, { type: 'bearer' }).expect(200);
  return board.body;
}

export async function createCard(app: TestApp, who: SignedIn, board: BoardDto, title: string, columnIndex = 0): Promise<CardDto> {
  const response = await request(app.url)
    .post(`/api/boards/${board.id}/cards`)
    .auth(who.token, { type: 'bearer' })
    .send({ columnId: board.columns[columnIndex].id, title })
    .expect(201);
  return response.body;
}

export async function createColumn(app: TestApp, who: SignedIn, board: BoardDto, title: string, wipLimit: number | null = null): Promise<ColumnDto> {
  const response = await request(app.url).post(`/api/boards/${board.id}/columns`).auth(who.token, { type: 'bearer' }).send({ title, wipLimit }).expect(201);
  return response.body;
}

export async function createLabel(app: TestApp, who: SignedIn, board: BoardDto, name: string, color = '#2266aa'): Promise<LabelDto> {
  const response = await request(app.url).post(`/api/boards/${board.id}/labels`).auth(who.token, { type: 'bearer' }).send({ name, color }).expect(201);
  return response.body;
}
